package dev.jobcode.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One O*NET-SOC occupation.
 *
 * @param jobZone O*NET Job Zone 1–5, or 0 when the database has none for it
 * @param related codes of O*NET's related occupations, most related first; empty when the release
 *     has no Related Occupations file (30.0 has none, 29.3 has one)
 */
public record Occupation(String code, String title, String description, int jobZone, List<String> related) {
  public Occupation(String code, String title, String description, int jobZone) {
    this(code, title, description, jobZone, List.of());
  }

  public Occupation {
    if (!OnetCodes.isValid(code)) {
      throw new IllegalArgumentException("not an O*NET-SOC code: " + code);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (jobZone < 0 || jobZone > 5) {
      throw new IllegalArgumentException("job zone out of 0..5: " + jobZone);
    }
    related = related == null ? List.of() : List.copyOf(related);   // indexes built before the field have none
  }

  public String majorGroup() {
    return OnetCodes.majorGroup(code);
  }

  public OptionalInt jobZoneIfKnown() {
    return jobZone == 0 ? OptionalInt.empty() : OptionalInt.of(jobZone);
  }

  public Occupation withJobZone(int zone) {
    return new Occupation(code, title, description, zone, related);
  }

  public Occupation withRelated(List<String> codes) {
    return new Occupation(code, title, description, jobZone, codes);
  }
}
