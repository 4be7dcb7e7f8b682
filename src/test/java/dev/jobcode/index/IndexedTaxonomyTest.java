package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TaxonomyDiff;
import dev.jobcode.taxonomy.TaxonomyException;
import dev.jobcode.taxonomy.TextKind;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.OnetReleases;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedTaxonomyTest {
  @TempDir
  Path tmp;

  private Path index(Path onet, String name) {
    Path dir = tmp.resolve(name);
    new IndexBuilder(new FakeEncoder(), HnswParams.DEFAULT, ProgressListener.NONE)
        .build(OnetLoader.load(onet, Optional.empty()), onet.toString(), dir);
    return dir;
  }

  @Test
  void anIndexGivesBackTheOccupationsAndTextsOfItsRelease() {
    Taxonomy folder = Fixtures.taxonomy();
    Taxonomy indexed = IndexedTaxonomy.read(index(Fixtures.onetDir(), "fixture"));

    assertThat(indexed.version()).isEqualTo("99.1");
    assertThat(indexed.occupations()).isEqualTo(folder.occupations());
    assertThat(indexed.countsByKind()).isEqualTo(folder.countsByKind());
    // "Technician" is one document shared by two occupations: each gets it back.
    assertThat(indexed.texts()).filteredOn(t -> t.text().equals("Technician") && t.kind() == TextKind.ALTERNATE_TITLE)
        .hasSize(2);
    TaxonomyDiff same = TaxonomyDiff.between(indexed, folder);
    assertThat(same.counts().changed() + same.counts().added() + same.counts().removed()).isZero();
  }

  @Test
  void anOldIndexDiffsWithANewFolderAsTheTwoFoldersDo() {
    Path older = OnetReleases.older(tmp);
    Path newer = OnetReleases.newer(tmp);
    TaxonomyDiff fromFolders = TaxonomyDiff.between(IndexedTaxonomy.load(older), IndexedTaxonomy.load(newer));
    TaxonomyDiff fromIndexes = TaxonomyDiff.between(IndexedTaxonomy.load(index(older, "old")),
        IndexedTaxonomy.load(index(newer, "new")));

    assertThat(fromFolders.counts().retitled()).isEqualTo(1);
    assertThat(fromIndexes).isEqualTo(fromFolders);
  }

  @Test
  void anOpenIndexGivesWhatItsFolderGives() {
    Path dir = index(Fixtures.onetDir(), "fixture");
    try (OnetIndex open = OnetIndex.open(dir, FakeEncoder.MODEL)) {
      assertThat(IndexedTaxonomy.of(open)).isEqualTo(IndexedTaxonomy.read(dir));
    }
  }

  @Test
  void aFolderThatIsNeitherAnIndexNorAReleaseIsNamedAsSuch() {
    assertThatThrownBy(() -> IndexedTaxonomy.load(tmp)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("neither a jobcode index (no meta.json) nor an O*NET text database folder");
  }
}
