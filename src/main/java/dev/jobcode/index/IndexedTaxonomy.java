package dev.jobcode.index;

import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OccupationText;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TaxonomyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The taxonomy an index was built from, read back from it: the occupations from
 * {@code occupations.json} and every text from the Lucene documents' stored code, kind and text
 * fields. What it cannot give back: the spelling of a text that several occupations share is the
 * one the first of them had, and file order within an occupation is lost (texts come in index order).
 */
public final class IndexedTaxonomy {
  private IndexedTaxonomy() {}

  /** The taxonomy of an open index. */
  public static Taxonomy of(OnetIndex index) {
    return taxonomy(index.meta(), index.occupations(), index.vectors());
  }

  /** The taxonomy of the index in {@code dir}, whatever model built it (no vector is read). */
  public static Taxonomy read(Path dir) {
    IndexMeta meta = IndexMeta.read(dir);
    var occupations = OnetIndex.readOccupations(dir);
    try (VectorIndex vectors = VectorIndex.open(dir.resolve(IndexBuilder.ONET_DIR))) {
      return taxonomy(meta, occupations, vectors);
    }
  }

  /**
   * The taxonomy in {@code dir}: a built index (it has a {@code meta.json}) or an O*NET text
   * database folder (it has {@code Occupation Data.txt}).
   */
  public static Taxonomy load(Path dir) {
    if (Files.isRegularFile(dir.resolve(IndexMeta.FILE))) {
      return read(dir);
    }
    if (Files.isRegularFile(dir.resolve(OnetLoader.OCCUPATION_DATA))) {
      return OnetLoader.load(dir, Optional.empty());
    }
    throw new TaxonomyException(dir + " is neither a jobcode index (no " + IndexMeta.FILE
        + ") nor an O*NET text database folder (no '" + OnetLoader.OCCUPATION_DATA + "')");
  }

  private static Taxonomy taxonomy(IndexMeta meta, Map<String, Occupation> occupations,
                                   VectorIndex vectors) {
    List<OccupationText> texts = new ArrayList<>();
    for (int doc = 0; doc < vectors.size(); doc++) {
      String text = vectors.text(doc);
      for (Label label : vectors.labels(doc)) {
        texts.add(new OccupationText(label.code(), label.kind(), text));
      }
    }
    texts.sort(Comparator.comparing(OccupationText::code).thenComparing(OccupationText::kind));
    return new Taxonomy(meta.taxonomy().name(), meta.taxonomy().version(), new TreeMap<>(occupations), texts);
  }
}
