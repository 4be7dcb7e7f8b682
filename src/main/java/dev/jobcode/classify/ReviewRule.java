package dev.jobcode.classify;

import java.util.List;

/**
 * When an answer should be looked at by a person: its best score is below {@code minScore}, or
 * it leads the second by less than {@code minGap} (after SOCcer's rule). Calibrated on vote
 * shares; in the other modes scores are similarities and the rule flags more.
 */
public record ReviewRule(double minScore, double minGap) {
  public static final ReviewRule DEFAULT = new ReviewRule(0.3, 0.1);

  public ReviewRule {
    if (minScore < 0 || minGap < 0) {
      throw new IllegalArgumentException("review thresholds must not be negative");
    }
  }

  /** The rule in words, as reports state it: "top score < 0.3 or lead over the second < 0.1". */
  public String describe() {
    return "top score < " + minScore + " or lead over the second < " + minGap;
  }

  public boolean needsReview(List<OccupationMatch> results) {
    if (results.isEmpty()) {
      return true;
    }
    double best = results.get(0).score();
    double second = results.size() > 1 ? results.get(1).score() : 0;
    return best < minScore || best - second < minGap;
  }
}
