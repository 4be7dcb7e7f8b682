package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.TaxonomyDiff;
import dev.jobcode.testing.RealData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real O*NET 30.0 index read back as a taxonomy: the same as its folder, and the same diff from 29.3. */
class IndexedTaxonomyIT {
  @Test
  void theRealIndexDiffsAsItsFolderDoes() {
    var indexed = IndexedTaxonomy.read(RealData.index());
    var folder = OnetLoader.load(RealData.onet30(), Optional.empty());
    var onet29 = OnetLoader.load(RealData.onet29(), Optional.empty());

    TaxonomyDiff same = TaxonomyDiff.between(indexed, folder);
    assertThat(same.counts()).isEqualTo(new TaxonomyDiff.Counts(1016, 1016, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(TaxonomyDiff.between(onet29, indexed)).isEqualTo(TaxonomyDiff.between(onet29, folder));
  }
}
