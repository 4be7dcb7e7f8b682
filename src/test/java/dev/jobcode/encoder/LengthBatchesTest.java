package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthBatchesTest {
  private static String show(List<int[]> ranges) {
    return String.join(" ", ranges.stream().map(r -> r[0] + "-" + r[1]).toList());
  }

  @Test
  void equalLengthsFillWholeBatches() {
    assertThat(show(LengthBatches.of(new int[] {8, 8, 8, 8, 8}, 2, 0.25))).isEqualTo("0-2 2-4 4-5");
  }

  @Test
  void aLongInputStartsItsOwnBatchRatherThanPaddingTheShortOnes() {
    // 8 titles of 10 word pieces then one of 60: padding the eight to 60 would compute 540 tokens for 140.
    int[] lengths = {10, 10, 10, 10, 10, 10, 10, 10, 60};
    assertThat(show(LengthBatches.of(lengths, 32, 0.25))).isEqualTo("0-8 8-9");
  }

  @Test
  void smallStepsStayTogetherWithinTheAllowance() {
    // 18 real tokens padded to 24: 6 extra, within the allowance of 32.
    assertThat(show(LengthBatches.of(new int[] {3, 4, 5, 6}, 32, 0.25))).isEqualTo("0-4");
  }

  @Test
  void paddingStaysWithinTheShareOnAWideSpread() {
    int[] lengths = new int[64];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = 5 + i / 2;
    }
    List<int[]> ranges = LengthBatches.of(lengths, 32, 0.25);
    int covered = 0;
    for (int[] r : ranges) {
      assertThat(r[0]).isEqualTo(covered);
      long real = 0;
      for (int i = r[0]; i < r[1]; i++) {
        real += lengths[i];
      }
      long padded = (long) (r[1] - r[0]) * lengths[r[1] - 1];
      assertThat(padded).isLessThanOrEqualTo(Math.round(real * 1.25) + LengthBatches.ALLOWANCE_TOKENS);
      assertThat(r[1] - r[0]).isBetween(1, 32);
      covered = r[1];
    }
    assertThat(covered).isEqualTo(64);
    assertThat(ranges.size()).isGreaterThan(2);
  }

  @Test
  void nothingInNothingOut() {
    assertThat(LengthBatches.of(new int[0], 32, 0.25)).isEmpty();
  }
}
