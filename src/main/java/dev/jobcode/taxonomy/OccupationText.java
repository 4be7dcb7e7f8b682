package dev.jobcode.taxonomy;

import java.util.Objects;

/** A text that belongs to an occupation: its title, an alternate title, a task, … */
public record OccupationText(String code, TextKind kind, String text) {
  public OccupationText {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
