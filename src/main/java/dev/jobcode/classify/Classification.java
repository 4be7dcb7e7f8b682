package dev.jobcode.classify;

import java.util.List;

/**
 * The answer to one {@link Query}: occupations best first, whether a person should check it
 * ({@link ReviewRule}: the reason, or null), and what else it says about the job (IT or not, level, area).
 */
public record Classification(Query query, List<OccupationMatch> results, String reviewReason, JobAttributes attributes) {
  public Classification {
    results = List.copyOf(results);
  }

  /** True when a person should check the answer; {@link #reviewReason} says why. */
  public boolean review() {
    return reviewReason != null;
  }
}
