package dev.jobcode.index;

/**
 * The candidate store did not answer (a cluster down, or refusing work after retries): the request
 * may succeed later, and nothing was half-done. HTTP 503.
 */
public final class StoreUnavailableException extends IndexException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
