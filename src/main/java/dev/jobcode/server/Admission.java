package dev.jobcode.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
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

  /** Why a request was refused. */
  enum Refusal {
    CAPACITY, SHUTDOWN;

    /** As a meter's tag value. */
    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Told of each request admitted or refused (the server's meters). */
  interface Listener {
    void admitted(long waitedNanos);

    void refused(Refusal why);

    Listener NONE = new Listener() {
      @Override
      public void admitted(long waitedNanos) {}

      @Override
      public void refused(Refusal why) {}
    };
  }

  private final int slots;
  private final Semaphore free;
  private final long queueNanos;
  private volatile boolean draining;
  private volatile Listener listener = Listener.NONE;

  Admission(int slots, Duration queueTimeout) {
    this.slots = slots;
    this.free = new Semaphore(slots, true);
    this.queueNanos = queueTimeout.toNanos();
  }

  /** Tells {@code listener}, from now on, of each request admitted or refused. */
  void listen(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
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
      throw refuse(ctx, Refusal.SHUTDOWN);
    }
    long start = System.nanoTime();
    if (!free.tryAcquire(queueNanos, TimeUnit.NANOSECONDS)) {
      throw refuse(ctx, Refusal.CAPACITY);
    }
    if (draining) {
      free.release();
      throw refuse(ctx, Refusal.SHUTDOWN);
    }
    listener.admitted(System.nanoTime() - start);
  }

  private ApiException refuse(Context ctx, Refusal why) {
    listener.refused(why);
    String reason = why == Refusal.CAPACITY ? "the server is at capacity (" + slots + " requests in flight)"
        : "the server is shutting down";
    ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    return new ApiException(503, "unavailable", reason + "; retry after " + RETRY_AFTER_SECONDS + " s");
  }

  /** From now on, refuses every request (the server is shutting down); those admitted finish. */
  void refuseNew() {
    draining = true;
  }

  int slots() {
    return slots;
  }

  /** Requests holding a slot now. */
  int inUse() {
    return slots - free.availablePermits();
  }

  /** Requests waiting for a slot now (an estimate, as the semaphore's). */
  int queued() {
    return free.getQueueLength();
  }
}
