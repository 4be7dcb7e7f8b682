package dev.jobcode.eval;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.classify.JobAttributes;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.index.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Classifies every distinct query of a labelled set once, in batches, and scores the answers. */
public final class Evaluation {
  static final int K = 5;
  private static final int BATCH = 256;

  private Evaluation() {}

  /**
   * The code report (null when the set has no codes), the attribute scores (empty when it has no
   * attribute labels), and how fast the classifier went.
   */
  public record Result(EvalReport report, Map<String, AttributeScorer.Score> attributes, double titlesPerSecond) {}

  public static Result run(LabelledSet set, Classifier classifier, Mode mode, Level primary, ProgressListener progress) {
    // 1. Distinct queries, each validated once; invalid ones are rejected rows.
    Map<String, Query> distinct = new LinkedHashMap<>();
    Set<String> invalid = new HashSet<>();
    for (LabelledSet.Row row : set.rows()) {
      String key = key(row);
      if (distinct.containsKey(key) || invalid.contains(key)) {
        continue;
      }
      try {
        distinct.put(key, new Query(row.title(), row.description(), K, mode));
      } catch (InvalidQueryException e) {
        invalid.add(key);
      }
    }
    // 2. Classify in batches.
    List<String> keys = new ArrayList<>(distinct.keySet());
    Map<String, List<String>> predicted = new HashMap<>();
    Map<String, Boolean> review = new HashMap<>();
    Map<String, JobAttributes> attributes = new HashMap<>();
    long start = System.nanoTime();
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> chunk = keys.subList(from, Math.min(from + BATCH, keys.size()));
      List<Classification> answers = classifier.classifyAll(chunk.stream().map(distinct::get).toList());
      for (int i = 0; i < chunk.size(); i++) {
        predicted.put(chunk.get(i), answers.get(i).results().stream().map(m -> m.occupation().code()).toList());
        review.put(chunk.get(i), answers.get(i).review());
        attributes.put(chunk.get(i), answers.get(i).attributes());
      }
      progress.progress(from + chunk.size(), keys.size());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // 3. Score every row.
    List<List<String>> perRow = new ArrayList<>(set.rows().size());
    List<Boolean> flagged = new ArrayList<>(set.rows().size());
    List<JobAttributes> perRowAttributes = new ArrayList<>(set.rows().size());
    for (LabelledSet.Row row : set.rows()) {
      perRow.add(predicted.get(key(row)));
      flagged.add(review.getOrDefault(key(row), true));
      perRowAttributes.add(attributes.get(key(row)));
    }
    EvalReport report = set.hasCodes() ? Scorer.score(set, perRow, flagged, primary) : null;
    return new Result(report, AttributeScorer.score(set, perRowAttributes), seconds > 0 ? keys.size() / seconds : 0);
  }

  private static String key(LabelledSet.Row row) {
    return row.title() + '\u0000' + (row.description() == null ? "" : row.description());
  }
}
