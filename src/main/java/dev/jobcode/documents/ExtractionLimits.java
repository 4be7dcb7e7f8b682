package dev.jobcode.documents;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much a {@link TextExtractor} reads before it gives up. A CV is a few pages: these limits are
 * far above any real one and far below what would let one hostile file take the server's memory or
 * time.
 *
 * @param maxFileBytes the largest file read, in bytes; checked before the file is read
 * @param maxChars the most characters of text a file may give (after blank lines are squeezed);
 *     more is refused, never silently cut
 * @param timeout how long one file may take, waiting for a worker included; then it is abandoned
 */
public record ExtractionLimits(long maxFileBytes, int maxChars, Duration timeout) {
  /** 10 MiB, 100,000 characters (the longest CV text a CV file may hold), 30 s. */
  public static final ExtractionLimits DEFAULT = new ExtractionLimits(10L << 20, 100_000, Duration.ofSeconds(30));

  public ExtractionLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be at least 1, got " + maxFileBytes);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** The file-size limit as people say it: "10 MB", "512 KB". */
  String fileSizeText() {
    return sizeText(maxFileBytes);
  }

  /** A size in bytes as people say it (binary units, one decimal when under 10). */
  static String sizeText(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return String.format(Locale.ROOT, kb < 10 ? "%.1f KB" : "%.0f KB", kb);
    }
    double mb = kb / 1024.0;
    return String.format(Locale.ROOT, mb < 10 && mb != Math.rint(mb) ? "%.1f MB" : "%,.0f MB", mb);
  }
}
