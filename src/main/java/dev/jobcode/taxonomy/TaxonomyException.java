package dev.jobcode.taxonomy;

/** The O*NET database cannot be read: the message names the file and line and says what is wrong. */
public class TaxonomyException extends RuntimeException {
  public TaxonomyException(String message) {
    super(message);
  }

  public TaxonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}
