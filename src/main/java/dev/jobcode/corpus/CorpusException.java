package dev.jobcode.corpus;

/** A CV file or corpus that cannot be read or made; the message says what to fix. */
public final class CorpusException extends RuntimeException {
  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
