package dev.jobcode.server;

import dev.jobcode.index.ProgressListener;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The candidate pool being filled behind a server that already answers (its first start, when the
 * default CVs are encoded): how far it has got, for {@code /health} and the page, and whether
 * candidate calls may be answered. Until it is {@link #finish}ed they are refused with 503 and
 * {@code Retry-After}, so nothing is ever served from a half-built pool. Thread-safe.
 */
public final class PoolFill implements ProgressListener {
  /** Seconds a refused candidate call is told to wait. */
  static final int RETRY_AFTER_SECONDS = 30;

  /** Where the fill stands: {@code building} (with its stage and counts), {@code failed} (with why), or {@code ready}. */
  public record Status(String state, String stage, long done, long total, String error) {}

  private volatile String stage;
  private volatile long done;
  private volatile long total;
  private volatile boolean finished;
  private volatile String error;
  private volatile boolean cancelled;

  private PoolFill(String stage, boolean finished) {
    this.stage = stage;
    this.finished = finished;
  }

  /** A pool that is complete: candidate calls are answered. */
  public static PoolFill complete() {
    return new PoolFill(null, true);
  }

  /** A pool about to be filled, at its first {@code stage}. */
  public static PoolFill starting(String stage) {
    return new PoolFill(stage, false);
  }

  @Override
  public void stage(String name) {
    stage = name;
    done = 0;
    total = 0;
  }

  /** Records progress; throws {@link CancellationException} once {@link #cancel}led, so that the fill stops between chunks. */
  @Override
  public void progress(long done, long total) {
    this.total = total;
    this.done = done;
    if (cancelled) {
      throw new CancellationException("the server is stopping");
    }
  }

  /** The pool is complete: candidate calls are answered from now on. */
  public void finish() {
    finished = true;
  }

  /** The fill failed: candidate calls keep being refused, and {@code /health} says why. */
  public void fail(String message) {
    error = message;
  }

  /** Asks the fill to stop at its next progress report (the server is stopping). */
  public void cancel() {
    cancelled = true;
  }

  public boolean ready() {
    return finished && error == null;
  }

  public Status status() {
    if (ready()) {
      return new Status("ready", null, 0, 0, null);
    }
    return new Status(error != null ? "failed" : "building", stage, done, total, error);
  }

  /** Throws the 503 a candidate call gets while the pool is not ready. */
  void requireReady() {
    if (ready()) {
      return;
    }
    Status s = status();
    String message = s.error() != null
        ? "the candidate pool could not be built (" + s.error() + "); restart the server to try again"
        : String.format(Locale.ROOT, "the candidate pool is being built (%s%s); occupations are answered meanwhile, "
            + "try candidates again in a minute", s.stage(),
            s.total() > 0 ? String.format(Locale.ROOT, ": %,d of %,d", s.done(), s.total()) : "");
    throw new Unavailable(message);
  }

  /** A candidate call before the pool is ready: 503 with {@code Retry-After}. */
  static final class Unavailable extends ApiException {
    Unavailable(String message) {
      super(503, "pool_building", message);
    }
  }
}
