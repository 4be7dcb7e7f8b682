package dev.jobcode.skills;

import java.util.List;
import java.util.Objects;

/**
 * A skill found in a text, with every place it was found, in text order.
 *
 * @param name the skill's O*NET name ("Microsoft Excel"), whatever the text wrote ("Excel")
 * @param kind {@link Skill.Kind#id()}: "technology" or "tool"
 */
public record SkillMatch(String name, String commodityTitle, boolean hot, String kind, List<Span> found) {
  public SkillMatch {
    Objects.requireNonNull(name, "name");
    found = List.copyOf(found);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("a match is found somewhere");
    }
  }
}
