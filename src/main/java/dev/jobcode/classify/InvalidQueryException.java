package dev.jobcode.classify;

/** A query that cannot be answered as given; the message says which field and why. */
public class InvalidQueryException extends RuntimeException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
