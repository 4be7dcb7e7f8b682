package dev.jobcode.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests worked on at once. A request over the bound waits, first come first served,
 * for at most the queue time-out and is then refused with 503 and {@code Retry-After}: a client is
 * told to come back rather than left hanging. When the server shuts down, new requests are refused
 * the same way ({@link #refuseNew}) while the ones in flight finish.
 */
final class Admission {
  /** Seconds a refused client is asked to wait. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final int slots;
  private final Semaphore free;
  private final long queueNanos;
  private volatile boolean draining;

  Admission(int slots, Duration queueTimeout) {
    this.slots = slots;
    this.free = new Semaphore(slots, true);
    this.queueNanos = queueTimeout.toNanos();
  }

  /** {@code handler}, run only once it has a slot. */
  Handler guard(Handler handler) {
    return ctx -> {
      enter(ctx);
      try {
        handler.handle(ctx);
      } finally {
        free.release();
      }
    };
  }

  private void enter(Context ctx) throws InterruptedException {
    if (draining) {
      throw unavailable(ctx, "the server is shutting down");
    }
    if (!free.tryAcquire(queueNanos, TimeUnit.NANOSECONDS)) {
      throw unavailable(ctx, "the server is at capacity (" + slots + " requests in flight)");
    }
    if (draining) {
      free.release();
      throw unavailable(ctx, "the server is shutting down");
    }
  }

  private static ApiException unavailable(Context ctx, String why) {
    ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    return new ApiException(503, "unavailable", why + "; retry after " + RETRY_AFTER_SECONDS + " s");
  }

  /** From now on, refuses every request (the server is shutting down); those admitted finish. */
  void refuseNew() {
    draining = true;
  }
}
