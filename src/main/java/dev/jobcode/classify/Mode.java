package dev.jobcode.classify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the nearest documents become a ranking of occupations. */
public enum Mode {
  /** Occupations ranked by their best-matching document; score = its cosine similarity. */
  SIMILARITY,
  /**
   * Softmax-weighted vote of the nearest documents, plus a bonus for occupations that have the
   * query as one of their titles; score = vote share (0..1, summing to at most 1).
   */
  VOTE,
  /** Cosine similarity to each occupation's mean title vector (and mean description/task vector). */
  CENTROID;

  /** The default's id, a constant so that the CLI's option default can be it. */
  public static final String DEFAULT_ID = "vote";

  public static final Mode DEFAULT = fromId(DEFAULT_ID).orElseThrow();

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Mode> fromId(String id) {
    return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
  }

  /** "similarity, vote, centroid", for error messages and help. */
  public static String ids() {
    return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
  }
}
