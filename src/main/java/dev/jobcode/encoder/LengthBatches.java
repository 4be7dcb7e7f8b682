package dev.jobcode.encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts inputs sorted by length into model batches. A batch is padded to its longest input, so a
 * batch of titles of 5 to 20 word pieces computes twice the tokens it needs; a new batch starts
 * when the padding would exceed {@code maxPadding} of the real tokens (plus a small allowance, so
 * that a few short inputs are not run alone), or at {@code maxBatch} inputs.
 */
final class LengthBatches {
  /**
   * Padding tolerated, as a share of the real tokens. On the 2,024 raw titles in calls of 32, e5-small-v2
   * encoded about 128 titles/s in one padded batch per call and about 230/s cut at 0, 0.1 or 0.25 (within
   * the noise of each other); all-minilm-l6-v2-q went from about 600/s to about 950/s.
   */
  static final double MAX_PADDING = 0.25;
  /** Padded tokens always tolerated: a model run has a fixed cost too. */
  static final int ALLOWANCE_TOKENS = 32;

  private LengthBatches() {}

  /** {from, to} ranges over {@code sortedLengths} (ascending), covering it in order. */
  static List<int[]> of(int[] sortedLengths, int maxBatch, double maxPadding) {
    List<int[]> ranges = new ArrayList<>();
    int from = 0;
    while (from < sortedLengths.length) {
      long real = sortedLengths[from];
      int to = from + 1;
      while (to < sortedLengths.length && to - from < maxBatch) {
        long nextReal = real + sortedLengths[to];
        long padded = (long) (to - from + 1) * sortedLengths[to];
        if (padded > nextReal * (1 + maxPadding) + ALLOWANCE_TOKENS) {
          break;
        }
        real = nextReal;
        to++;
      }
      ranges.add(new int[] {from, to});
      from = to;
    }
    return ranges;
  }
}
