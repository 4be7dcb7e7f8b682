package dev.jobcode.cli;

import java.util.Arrays;

/** Collected durations in milliseconds, with nearest-rank percentiles. */
final class Latencies {
  private double[] millis = new double[64];
  private int size;

  void add(long nanos) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size * 2);
    }
    millis[size++] = nanos / 1e6;
  }

  /** Adds all of this one's durations to {@code other}. */
  void addAll(Latencies other) {
    if (other.size + size > other.millis.length) {
      other.millis = Arrays.copyOf(other.millis, Math.max(other.millis.length * 2, other.size + size));
    }
    System.arraycopy(millis, 0, other.millis, other.size, size);
    other.size += size;
  }

  double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(millis, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}
