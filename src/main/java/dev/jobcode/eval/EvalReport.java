package dev.jobcode.eval;

import java.util.List;
import java.util.Map;

/**
 * What an evaluation measured. Accuracies are fractions in [0, 1].
 *
 * @param byLevel top-1/3/5 per scorable level, per row
 * @param unique the same, counting each distinct (title, acceptable codes) pair once
 * @param uniqueTitles the same, counting each distinct title once, against the labels of its first
 *     row (a few generic titles carry hundreds of rows in some sets)
 * @param perMajorGroup top-1 at the primary level, by the major group of the row's first label
 * @param confusions the most frequent (expected, predicted) top-1 mistakes at the primary level
 * @param rejected rows the classifier refused (empty or over-long title); they count as wrong
 * @param review how the review flag splits the rows, at the primary level
 */
public record EvalReport(String set, int n, Level primary, Map<Level, Accuracy> byLevel, Unique unique,
                         Unique uniqueTitles, Map<String, GroupAccuracy> perMajorGroup, List<Confusion> confusions, int rejected,
                         Review review) {

  /** Share of rows whose first 1, 3 or 5 predicted occupations include an acceptable code. */
  public record Accuracy(double top1, double top3, double top5) {}

  public record Unique(int n, Map<Level, Accuracy> byLevel) {}

  public record GroupAccuracy(int n, double top1) {}

  public record Confusion(String expected, String predicted, int count) {}

  /** Share of rows flagged for review, and top-1 accuracy of the accepted and the flagged rows. */
  public record Review(double flagged, double acceptedTop1, double flaggedTop1) {}
}
