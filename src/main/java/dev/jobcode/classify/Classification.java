package dev.jobcode.classify;

import dev.jobcode.skills.SkillMatch;
import java.util.List;

/**
 * The answer to one {@link Query}: occupations best first, whether a person should check it
 * ({@link ReviewRule}: the reason, or null), and what else it says about the job (IT or not, level, area).
 */
public record Classification(Query query, List<OccupationMatch> results, String reviewReason, JobAttributes attributes,
                             List<SkillMatch> skills) {
  /** @param skills the technology skills and tools the description (or the text) names; empty without one */
  public Classification {
    results = List.copyOf(results);
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  /** True when a person should check the answer; {@link #reviewReason} says why. */
  public boolean review() {
    return reviewReason != null;
  }
}
