package dev.jobcode.classify;

import java.util.List;

/**
 * The answer to one {@link Query}: occupations best first, whether a person should check it
 * ({@link ReviewRule}), and what else it says about the job (IT or not, level, area).
 */
public record Classification(Query query, List<OccupationMatch> results, boolean review, JobAttributes attributes) {
  public Classification {
    results = List.copyOf(results);
  }
}
