package dev.jobcode.measure;

import java.util.Arrays;

/**
 * Collected durations in milliseconds, every one kept as measured, with nearest-rank percentiles
 * over all of them: exact, so a tail is what was seen. (A histogram such as HdrHistogram would
 * keep memory bounded but round each duration to its precision; an hour of load at 400 requests a
 * second keeps 1.4 million durations, 12 MB, so exactness wins.)
 */
public final class Latencies {
  private double[] millis = new double[64];
  private int size;

  public void add(long nanos) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size * 2);
    }
    millis[size++] = nanos / 1e6;
  }

  /** Times {@code call} and adds its duration. */
  public void time(Runnable call) {
    long start = System.nanoTime();
    call.run();
    add(System.nanoTime() - start);
  }

  /** Adds all of this one's durations to {@code other}. */
  public void addAll(Latencies other) {
    if (other.size + size > other.millis.length) {
      other.millis = Arrays.copyOf(other.millis, Math.max(other.millis.length * 2, other.size + size));
    }
    System.arraycopy(millis, 0, other.millis, other.size, size);
    other.size += size;
  }

  /** How many durations were added. */
  public int count() {
    return size;
  }

  /** The nearest-rank {@code p}-th percentile in milliseconds; NaN when there is none. */
  public double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(millis, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}
