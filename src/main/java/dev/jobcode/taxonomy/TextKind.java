package dev.jobcode.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  /** The kind of that {@link #id}; a map, as an index's open looks up every document's kinds. */
  public static Optional<TextKind> fromId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  private static final Map<String, TextKind> BY_ID = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(TextKind::id, k -> k));
}
