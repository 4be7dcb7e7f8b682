package dev.jobcode.classify;

import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.TextKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which occupations have a query as one of their titles. Keys ignore case, punctuation and a
 * plural "s", so "Customer Service Representative" meets O*NET's plural occupation title
 * "Customer Service Representatives". When the query is an occupation's own title, that
 * occupation alone is meant, even if other occupations list it as an alternate title.
 */
final class ExactTitles {
  private final Map<String, Set<String>> primary = new HashMap<>();
  private final Map<String, Set<String>> other = new HashMap<>();

  ExactTitles(VectorIndex index) {
    for (int doc = 0; doc < index.size(); doc++) {
      String key = key(index.text(doc));
      for (Label label : index.labels(doc)) {
        if (label.kind().titleLike()) {
          (label.kind() == TextKind.TITLE ? primary : other)
              .computeIfAbsent(key, k -> new TreeSet<>()).add(label.code());
        }
      }
    }
  }

  /** The occupations whose title the query is; empty when it is none's. */
  Set<String> codesFor(String title) {
    String key = key(title);
    Set<String> codes = primary.get(key);
    return codes != null ? codes : other.getOrDefault(key, Set.of());
  }

  /** Lower case, letters and digits only, a trailing plural "s" dropped from each word. */
  static String key(String text) {
    StringBuilder key = new StringBuilder();
    for (String word : TitleNormalizer.key(text).split(" ")) {
      if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
          && !word.endsWith("is")) {
        word = word.substring(0, word.length() - 1);
      }
      if (!key.isEmpty()) {
        key.append(' ');
      }
      key.append(word);
    }
    return key.toString();
  }
}
