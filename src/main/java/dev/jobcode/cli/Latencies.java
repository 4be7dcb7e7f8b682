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
    for (int i = 0; i < size; i++) {
      other.add(Math.round(millis[i] * 1e6));
    }
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
