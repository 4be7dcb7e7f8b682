package dev.jobcode.classify;

import dev.jobcode.taxonomy.Occupation;
import java.util.List;

/** One ranked occupation with its score (meaning depends on the {@link Mode}) and evidence. */
public record OccupationMatch(Occupation occupation, double score, List<Evidence> evidence) {
  public OccupationMatch {
    evidence = List.copyOf(evidence);
  }
}
