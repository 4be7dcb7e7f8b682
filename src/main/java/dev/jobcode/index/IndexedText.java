package dev.jobcode.index;

import dev.jobcode.taxonomy.OccupationText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One indexed document: a distinct text and every occupation that has it. O*NET lists the same
 * alternate title under many occupations ("Engineer" under dozens); indexing each copy would put
 * identical vectors in the HNSW graph, where such cliques trap the search far from the query.
 */
record IndexedText(String text, boolean titleLike, List<Label> labels) {

  /** Groups texts by channel and by their text (ignoring case and spacing), in first-seen order. */
  static List<IndexedText> group(List<OccupationText> texts) {
    Map<String, IndexedText> byKey = new LinkedHashMap<>();
    for (OccupationText t : texts) {
      boolean titleLike = t.kind().titleLike();
      String key = (titleLike ? "t:" : "d:") + t.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      IndexedText doc = byKey.computeIfAbsent(key, k -> new IndexedText(t.text(), titleLike, new ArrayList<>()));
      Label label = new Label(t.code(), t.kind());
      if (doc.labels().stream().noneMatch(l -> l.code().equals(label.code()))) {
        doc.labels().add(label);
      }
    }
    List<IndexedText> docs = new ArrayList<>(byKey.size());
    byKey.values().forEach(d -> docs.add(new IndexedText(d.text(), d.titleLike(), List.copyOf(d.labels()))));
    return docs;
  }
}
