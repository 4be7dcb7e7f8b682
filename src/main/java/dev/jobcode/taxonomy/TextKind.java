package dev.jobcode.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an occupation text is. Title kinds name a job; the others describe its work. */
public enum TextKind {
  TITLE(true),
  ALTERNATE_TITLE(true),
  REPORTED_TITLE(true),
  DESCRIPTION(false),
  TASK(false);

  private final boolean titleLike;

  TextKind(boolean titleLike) {
    this.titleLike = titleLike;
  }

  /** True for texts that name a job (matched against query titles); false for work descriptions. */
  public boolean titleLike() {
    return titleLike;
  }

  /** The name used in the index, JSON and meta.json: {@code alternate_title}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TextKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }
}
