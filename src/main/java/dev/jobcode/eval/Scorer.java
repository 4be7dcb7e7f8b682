package dev.jobcode.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores predictions against labels. A row is right at top-k and level L when any of its first k
 * predicted occupations, mapped to L, equals any acceptable code mapped to L. A rejected row
 * (prediction null) is wrong everywhere.
 */
public final class Scorer {
  static final int TOP_CONFUSIONS = 20;

  private Scorer() {}

  /** Scores predictions none of which is flagged for review. */
  public static EvalReport score(LabelledSet set, List<List<String>> predictions, Level primary) {
    return score(set, predictions, java.util.Collections.nCopies(predictions.size(), false), primary);
  }

  /**
   * @param predictions per row, the predicted O*NET codes best first, or null when rejected
   * @param review per row, whether the answer was flagged for review
   */
  public static EvalReport score(LabelledSet set, List<List<String>> predictions, List<Boolean> review, Level primary) {
    List<LabelledSet.Row> rows = set.rows();
    if (predictions.size() != rows.size() || review.size() != rows.size()) {
      throw new IllegalArgumentException(rows.size() + " rows but " + predictions.size() + " predictions");
    }
    if (!set.levels().contains(primary)) {
      throw new IllegalArgumentException("set " + set.file() + " cannot be scored at level " + primary.id()
          + "; its labels allow " + set.levels().stream().map(Level::id).toList());
    }
    // 1. Per row, per first occurrence of each (title, codes) pair, and of each title.
    Map<String, Integer> firstOfPair = new LinkedHashMap<>();
    Map<String, Integer> firstOfTitle = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      firstOfPair.putIfAbsent(rows.get(i).title() + '\u0000' + rows.get(i).codes(), i);
      firstOfTitle.putIfAbsent(rows.get(i).title(), i);
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      all.add(i);
    }
    List<Integer> unique = new ArrayList<>(firstOfPair.values());
    List<Integer> uniqueTitles = new ArrayList<>(firstOfTitle.values());

    // 2. Per major group and confusions, at the primary level.
    Map<String, int[]> groups = new TreeMap<>();
    Map<String, Integer> confusions = new HashMap<>();
    int rejected = 0;
    int[] flagged = new int[2];   // rows flagged, of which right
    int[] accepted = new int[2];  // rows accepted, of which right
    for (int i = 0; i < rows.size(); i++) {
      List<String> predicted = predictions.get(i);
      LabelledSet.Row row = rows.get(i);
      int[] g = groups.computeIfAbsent(Level.MAJOR.of(row.codes().get(0)), c -> new int[2]);
      g[0]++;
      int[] split = predicted == null || review.get(i) ? flagged : accepted;
      split[0]++;
      if (predicted == null) {
        rejected++;
        continue;
      }
      if (hit(row, predicted, 1, primary)) {
        g[1]++;
        split[1]++;
      } else if (!predicted.isEmpty()) {
        confusions.merge(primary.of(row.codes().get(0)) + '\u0000' + primary.of(predicted.get(0)), 1, Integer::sum);
      }
    }
    Map<String, EvalReport.GroupAccuracy> perGroup = new LinkedHashMap<>();
    groups.forEach((group, c) -> perGroup.put(group, new EvalReport.GroupAccuracy(c[0], fraction(c[1], c[0]))));
    List<EvalReport.Confusion> top = confusions.entrySet().stream()
        .map(e -> new EvalReport.Confusion(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
        .sorted(Comparator.comparingInt((EvalReport.Confusion c) -> -c.count())
            .thenComparing(EvalReport.Confusion::expected).thenComparing(EvalReport.Confusion::predicted))
        .limit(TOP_CONFUSIONS).toList();

    return new EvalReport(set.file().getFileName().toString(), rows.size(), primary,
        accuracies(set, predictions, all), new EvalReport.Unique(unique.size(), accuracies(set, predictions, unique)),
        new EvalReport.Unique(uniqueTitles.size(), accuracies(set, predictions, uniqueTitles)), perGroup, top, rejected,
        new EvalReport.Review(fraction(flagged[0], rows.size()), fraction(accepted[1], accepted[0]),
            fraction(flagged[1], flagged[0])));
  }

  private static Map<Level, EvalReport.Accuracy> accuracies(LabelledSet set, List<List<String>> predictions,
                                                            List<Integer> which) {
    Map<Level, EvalReport.Accuracy> result = new EnumMap<>(Level.class);
    for (Level level : set.levels()) {
      int[] right = new int[3];
      int[] ks = {1, 3, 5};
      for (int i : which) {
        List<String> predicted = predictions.get(i);
        for (int j = 0; j < ks.length; j++) {
          if (predicted != null && hit(set.rows().get(i), predicted, ks[j], level)) {
            right[j]++;
          }
        }
      }
      int n = which.size();
      result.put(level, new EvalReport.Accuracy(fraction(right[0], n), fraction(right[1], n), fraction(right[2], n)));
    }
    return result;
  }

  private static boolean hit(LabelledSet.Row row, List<String> predicted, int k, Level level) {
    for (String p : predicted.subList(0, Math.min(k, predicted.size()))) {
      String mapped = level.of(p);
      for (String code : row.codes()) {
        if (level.of(code).equals(mapped)) {
          return true;
        }
      }
    }
    return false;
  }

  private static double fraction(int count, int n) {
    return n == 0 ? 0 : (double) count / n;
  }
}
