package dev.jobcode.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated classification query. Whitespace of any kind (tabs, newlines) counts as a space.
 *
 * @param description may be empty, meaning "title only"
 */
public record Query(String title, String description, int k, Mode mode) {
  public static final int DEFAULT_K = 5;
  public static final int MAX_K = 50;
  public static final int MAX_TITLE_CHARS = 500;
  public static final int MAX_DESCRIPTION_CHARS = 20_000;

  public Query {
    Objects.requireNonNull(mode, "mode");
    title = clean(title, "title", MAX_TITLE_CHARS);
    if (title.isEmpty()) {
      throw new InvalidQueryException("title must not be empty");
    }
    description = description == null ? "" : clean(description, "description", MAX_DESCRIPTION_CHARS);
    if (k < 1 || k > MAX_K) {
      throw new InvalidQueryException("k must be between 1 and " + MAX_K + ", got " + k);
    }
  }

  public static Query of(String title) {
    return new Query(title, "", DEFAULT_K, Mode.DEFAULT);
  }

  public Optional<String> descriptionIfAny() {
    return description.isEmpty() ? Optional.empty() : Optional.of(description);
  }

  static String clean(String text, String field, int maxChars) {
    if (text == null) {
      throw new InvalidQueryException(field + " is required");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new InvalidQueryException(field + " must not contain NUL characters");
    }
    String clean = text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    if (clean.length() > maxChars) {
      throw new InvalidQueryException(field + " is longer than " + maxChars + " characters (" + clean.length() + ")");
    }
    return clean;
  }
}
