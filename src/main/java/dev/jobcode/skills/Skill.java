package dev.jobcode.skills;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One O*NET example name ("Microsoft Excel", "Forklifts"), once however many occupations list it.
 *
 * @param name the example name as O*NET writes it
 * @param commodityCode the UNSPSC commodity the name belongs to (its most frequent one when O*NET
 *     files it under several)
 * @param commodityTitle that commodity's title ("Spreadsheet software")
 * @param hot whether any occupation marks it a Hot Technology (always false for tools)
 * @param kind from Technology Skills or from Tools Used
 */
public record Skill(String name, String commodityCode, String commodityTitle, boolean hot, Kind kind) {

  /** Which O*NET file a skill comes from. */
  public enum Kind {
    TECHNOLOGY, TOOL;

    /** The lowercase name used in JSON and in {@link SkillMatch#kind()}: "technology", "tool". */
    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Skill {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(commodityCode, "commodityCode");
    Objects.requireNonNull(commodityTitle, "commodityTitle");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a skill needs a name");
    }
  }
}
