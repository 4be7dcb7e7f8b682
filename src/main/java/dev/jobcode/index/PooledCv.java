package dev.jobcode.index;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jobcode.corpus.Cv;
import dev.jobcode.skills.SkillMatch;
import java.util.List;
import java.util.Objects;

/**
 * A CV as the pool keeps it: the CV itself, which of its labels jobcode inferred (they filter but
 * never vote), when it was added, where it came from (a file name, or null), and the technology
 * skills and tools its text names, with where.
 *
 * @param inferred names of the labels jobcode filled in ({@code onet_code}, {@code major_group},
 *     {@code level}, {@code years}, {@code it}); empty when the caller gave them all or none was inferred
 */
@JsonPropertyOrder({"cv", "inferred", "added_at", "source", "skills_found"})
public record PooledCv(Cv cv, List<String> inferred, String addedAt, String source, List<SkillMatch> skillsFound) {
  public PooledCv {
    Objects.requireNonNull(cv, "cv");
    inferred = inferred == null ? List.of() : List.copyOf(inferred);
    skillsFound = skillsFound == null ? List.of() : List.copyOf(skillsFound);
  }

  /** A CV without skills found (yet). */
  public PooledCv(Cv cv, List<String> inferred, String addedAt, String source) {
    this(cv, inferred, addedAt, source, List.of());
  }

  /** The names of the skills found in it. */
  public List<String> skillNames() {
    return skillsFound.stream().map(SkillMatch::name).toList();
  }

  public String id() {
    return cv.id();
  }

  /** True when the CV's occupation is the caller's, so it may vote in kNN classification. */
  public boolean votes() {
    return cv.onetCode() != null && !inferred.contains("onet_code");
  }
}
