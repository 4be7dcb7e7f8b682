package dev.jobcode.classify;

import java.util.List;

/**
 * The answer to one {@link Query}: occupations best first, and whether a person should check it
 * ({@link ReviewRule}).
 */
public record Classification(Query query, List<OccupationMatch> results, boolean review) {
  public Classification {
    results = List.copyOf(results);
  }
}
