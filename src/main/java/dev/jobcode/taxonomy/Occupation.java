package dev.jobcode.taxonomy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One O*NET-SOC occupation.
 *
 * @param jobZone O*NET Job Zone 1–5, or 0 when the database has none for it
 */
public record Occupation(String code, String title, String description, int jobZone) {
  public Occupation {
    if (!OnetCodes.isValid(code)) {
      throw new IllegalArgumentException("not an O*NET-SOC code: " + code);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (jobZone < 0 || jobZone > 5) {
      throw new IllegalArgumentException("job zone out of 0..5: " + jobZone);
    }
  }

  public String majorGroup() {
    return OnetCodes.majorGroup(code);
  }

  public OptionalInt jobZoneIfKnown() {
    return jobZone == 0 ? OptionalInt.empty() : OptionalInt.of(jobZone);
  }

  public Occupation withJobZone(int zone) {
    return new Occupation(code, title, description, zone);
  }
}
