package dev.jobcode.index;

/** An index cannot be built or opened; the message says what to do. */
public class IndexException extends RuntimeException {
  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
