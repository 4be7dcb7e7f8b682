package dev.jobcode.classify;

import java.util.List;

/** The answer to one {@link Query}: occupations best first. */
public record Classification(Query query, List<OccupationMatch> results) {
  public Classification {
    results = List.copyOf(results);
  }
}
