package dev.jobcode.taxonomy;

import java.util.List;

/**
 * An occupation code as a user wrote it cannot be used: the message says why and what to write
 * instead; {@code choices} lists the occupations an ambiguous code means.
 */
public final class OccupationCodeException extends TaxonomyException {
  /** Why: not a code at all, a code of no SOC version, a code the served taxonomy lacks, or one of several. */
  public enum Reason { MALFORMED, UNKNOWN, NOT_SERVED, AMBIGUOUS }

  private final Reason reason;
  private final List<String> choices;

  public OccupationCodeException(Reason reason, String message, List<String> choices) {
    super(message);
    this.reason = reason;
    this.choices = List.copyOf(choices);
  }

  public Reason reason() {
    return reason;
  }

  public List<String> choices() {
    return choices;
  }
}
