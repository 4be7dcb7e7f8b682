package dev.jobcode.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    return reason(results).isPresent();
  }

  /** Why a person should check {@code results} (best first), in a plain sentence; empty when they need not. */
  public Optional<String> reason(List<OccupationMatch> results) {
    if (results.isEmpty()) {
      return Optional.of("no occupation matched");
    }
    double best = results.get(0).score();
    double lead = best - (results.size() > 1 ? results.get(1).score() : 0);
    List<String> why = new ArrayList<>();
    if (best < minScore) {
      why.add(String.format(Locale.ROOT, "the top score, %.2f, is below %s", best, minScore));
    }
    if (lead < minGap) {
      why.add(String.format(Locale.ROOT, "the top answer leads the second by only %.2f, less than %s", lead, minGap));
    }
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", and ", why));
  }
}
