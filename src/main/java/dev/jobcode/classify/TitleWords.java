package dev.jobcode.classify;

import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.TextKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The words of each occupation's titles, for the re-ranker's lexical features: which words an
 * occupation is named with (weighted by how rare they are across occupations), its own title's
 * words, and the head word (the last one: "nurse" in "Licensed Practical Nurse") of each of its
 * titles. Built once from the index's title documents. Every question takes the documents to leave
 * out: a title trained on as a query must not find its own words here either.
 */
final class TitleWords {
  /** Per occupation: in how many of its titles each word and each head word occurs, its own title's words. */
  private record Vocabulary(Map<String, Integer> words, Set<String> ownTitle, Map<String, Integer> heads, int titles) {}

  private static final Vocabulary NONE = new Vocabulary(Map.of(), Set.of(), Map.of(), 0);

  private final VectorIndex index;
  private final Map<String, Vocabulary> byCode = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double unseenIdf;

  TitleWords(VectorIndex index) {
    this.index = index;
    Map<String, Map<String, Integer>> words = new HashMap<>();
    Map<String, Set<String>> own = new HashMap<>();
    Map<String, Map<String, Integer>> heads = new HashMap<>();
    Map<String, Integer> titles = new HashMap<>();
    for (int doc = 0; doc < index.size(); doc++) {
      List<String> tokens = tokens(index.text(doc));
      for (Label label : index.labels(doc)) {
        if (!label.kind().titleLike() || tokens.isEmpty()) {
          continue;
        }
        Map<String, Integer> counts = words.computeIfAbsent(label.code(), c -> new HashMap<>());
        new HashSet<>(tokens).forEach(w -> counts.merge(w, 1, Integer::sum));
        heads.computeIfAbsent(label.code(), c -> new HashMap<>()).merge(head(tokens), 1, Integer::sum);
        titles.merge(label.code(), 1, Integer::sum);
        if (label.kind() == TextKind.TITLE) {
          own.computeIfAbsent(label.code(), c -> new HashSet<>()).addAll(tokens);
        }
      }
    }
    double n = Math.max(1, words.size());
    Map<String, Integer> occupationsWith = new HashMap<>();
    words.values().forEach(counts -> counts.keySet().forEach(w -> occupationsWith.merge(w, 1, Integer::sum)));
    occupationsWith.forEach((w, df) -> idf.put(w, Math.log(1 + n / df)));
    unseenIdf = Math.log(1 + n);
    words.forEach((code, counts) -> byCode.put(code, new Vocabulary(counts, own.getOrDefault(code, Set.of()),
        heads.getOrDefault(code, Map.of()), titles.getOrDefault(code, 0))));
  }

  /** Lower-case words of a title, a plural "s" dropped as {@link ExactTitles#key} drops it. */
  static List<String> tokens(String title) {
    String key = ExactTitles.key(title);
    return key.isEmpty() ? List.of() : List.of(key.split(" "));
  }

  private static String head(List<String> tokens) {
    return tokens.get(tokens.size() - 1);
  }

  double idf(String word) {
    return idf.getOrDefault(word, unseenIdf);
  }

  /** The words of the left-out documents that are titles of {@code code}, one list per document. */
  private List<List<String>> leftOut(String code, Set<Integer> excludedDocs) {
    if (excludedDocs.isEmpty()) {
      return List.of();
    }
    return excludedDocs.stream()
        .filter(doc -> index.labels(doc).stream().anyMatch(l -> l.code().equals(code) && l.kind().titleLike()))
        .map(doc -> tokens(index.text(doc)))
        .filter(t -> !t.isEmpty())
        .toList();
  }

  /** Share of the query's word weight (idf) found among the occupation's title words. */
  double coverage(List<String> query, String code, Set<Integer> excludedDocs) {
    Map<String, Integer> counts = byCode.getOrDefault(code, NONE).words();
    List<List<String>> out = leftOut(code, excludedDocs);
    return weightedShare(query, w -> counts.getOrDefault(w, 0) - out.stream().filter(t -> t.contains(w)).count() > 0);
  }

  /** Share of the query's word weight found in the occupation's own title. */
  double ownTitleCoverage(List<String> query, String code) {
    return weightedShare(query, byCode.getOrDefault(code, NONE).ownTitle()::contains);
  }

  /** Share of the query's distinct words' idf weight that {@code has} accepts. */
  private double weightedShare(List<String> query, Predicate<String> has) {
    double total = 0;
    double found = 0;
    for (String w : new HashSet<>(query)) {
      total += idf(w);
      if (has.test(w)) {
        found += idf(w);
      }
    }
    return total == 0 ? 0 : found / total;
  }

  /** Share of the own title's word weight that the query does not have ("Nursing Assistants" for "nurse": "assistant"). */
  double ownTitleMissing(List<String> query, String code) {
    Set<String> said = new HashSet<>(query);
    double total = 0;
    double missing = 0;
    for (String w : byCode.getOrDefault(code, NONE).ownTitle()) {
      total += idf(w);
      if (!said.contains(w)) {
        missing += idf(w);
      }
    }
    return total == 0 ? 0 : missing / total;
  }

  /** Share of the occupation's titles whose head word is the query's ("nurse": most of Registered Nurses', none of Nursing Assistants'). */
  double headShare(List<String> query, String code, Set<Integer> excludedDocs) {
    if (query.isEmpty()) {
      return 0;
    }
    Vocabulary v = byCode.getOrDefault(code, NONE);
    List<List<String>> out = leftOut(code, excludedDocs);
    String head = head(query);
    int titles = v.titles() - out.size();
    long heads = v.heads().getOrDefault(head, 0) - out.stream().filter(t -> head(t).equals(head)).count();
    return titles <= 0 ? 0 : heads / (double) titles;
  }

  /** Whether the query's head word is a word of the occupation's own title. */
  boolean headInOwnTitle(List<String> query, String code) {
    return !query.isEmpty() && byCode.getOrDefault(code, NONE).ownTitle().contains(head(query));
  }

  /** How many titles the occupation has (broad occupations have hundreds), the left-out ones not counted. */
  int titles(String code, Set<Integer> excludedDocs) {
    return byCode.getOrDefault(code, NONE).titles() - leftOut(code, excludedDocs).size();
  }
}
