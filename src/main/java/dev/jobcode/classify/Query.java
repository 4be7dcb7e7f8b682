package dev.jobcode.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated classification query. Whitespace of any kind (tabs, newlines) counts as a space.
 *
 * @param title may be empty when there is a description: a text alone (a CV or a posting without a
 *     job title), ranked by the descriptive documents only
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
    description = description == null ? "" : clean(description, "description", MAX_DESCRIPTION_CHARS);
    if (title.isEmpty() && description.isEmpty()) {
      throw new InvalidQueryException("title must not be empty");
    }
    if (k < 1 || k > MAX_K) {
      throw new InvalidQueryException("k must be between 1 and " + MAX_K + ", got " + k);
    }
  }

  public static Query of(String title) {
    return new Query(title, "", DEFAULT_K, Mode.DEFAULT);
  }

  /** A text alone (a CV or a posting), without a job title: ranked by the descriptive channel. */
  public static Query ofText(String text, int k, Mode mode) {
    String clean = clean(text, "text", MAX_DESCRIPTION_CHARS);
    if (clean.isEmpty()) {
      throw new InvalidQueryException("text must not be empty");
    }
    return new Query("", clean, k, mode);
  }

  /** True for a text without a title ({@link #ofText}). */
  public boolean textOnly() {
    return title.isEmpty();
  }

  public Optional<String> descriptionIfAny() {
    return description.isEmpty() ? Optional.empty() : Optional.of(description);
  }

  public static String clean(String text, String field, int maxChars) {
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
