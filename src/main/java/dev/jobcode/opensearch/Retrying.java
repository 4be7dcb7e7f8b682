package dev.jobcode.opensearch;

import dev.jobcode.index.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * Calls OpenSearch again when it says "too busy" (429), "unavailable" (503) or cannot be reached,
 * waiting longer each time; any other refusal is not retried. The client itself already moves to
 * another node when one is down; this covers a cluster that is electing or recovering.
 */
final class Retrying {
  /** Waits of 100, 200, … 3,200 ms: about 6 s in all before giving up. */
  static final int ATTEMPTS = 7;
  private static final Duration FIRST_WAIT = Duration.ofMillis(100);

  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  private final String location;

  Retrying(String location) {
    this.location = location;
  }

  <T> T call(String what, Call<T> call) {
    Exception last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        pause(attempt);
      }
      try {
        return call.run();
      } catch (OpenSearchException e) {
        if (!retryable(e.status())) {
          throw new OpenSearchRefusal(location, what, e);
        }
        last = e;
      } catch (IOException e) {   // cannot connect, connection lost, or a response not understood
        last = e;
      }
    }
    throw new StoreUnavailableException("OpenSearch at " + location + " did not answer " + what + " after "
        + ATTEMPTS + " attempts: " + last.getMessage(), last);
  }

  static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  static void pause(int attempt) {
    try {
      Thread.sleep(FIRST_WAIT.toMillis() << Math.min(attempt - 1, 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for OpenSearch", e);
    }
  }

  /** OpenSearch refused a call for good (a bad request, a missing index, no permission). */
  static final class OpenSearchRefusal extends dev.jobcode.index.IndexException {
    final int status;

    OpenSearchRefusal(String location, String what, OpenSearchException e) {
      super("OpenSearch at " + location + " refused " + what + ": " + e.getMessage(), e);
      this.status = e.status();
    }
  }
}
