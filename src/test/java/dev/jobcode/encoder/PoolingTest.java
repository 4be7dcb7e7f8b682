package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class PoolingTest {
  // batch 2, 3 tokens, dim 2. Row 0 tokens (1,2) (3,4) (100,100 padding); row 1 (5,6) (7,8) (9,10).
  private static final float[] HIDDEN = {1, 2, 3, 4, 100, 100, 5, 6, 7, 8, 9, 10};
  private static final long[][] MASK = {{1, 1, 0}, {1, 1, 1}};

  @Test
  void meanPoolingAveragesOnlyRealTokens() {
    float[][] pooled = Pooling.MEAN.pool(HIDDEN, MASK, 3, 2);
    // row 0: ((1+3)/2, (2+4)/2) = (2, 3); row 1: ((5+7+9)/3, (6+8+10)/3) = (7, 8)
    assertThat(pooled[0]).containsExactly(2f, 3f);
    assertThat(pooled[1]).containsExactly(7f, 8f);
  }

  @Test
  void clsPoolingTakesTheFirstToken() {
    float[][] pooled = Pooling.CLS.pool(HIDDEN, MASK, 3, 2);
    assertThat(pooled[0]).containsExactly(1f, 2f);
    assertThat(pooled[1]).containsExactly(5f, 6f);
  }

  @Test
  void aShapeMismatchIsRefused() {
    assertThatThrownBy(() -> Pooling.MEAN.pool(new float[5], MASK, 3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizeMakesUnitVectorsAndLeavesZeroAlone() {
    float[] v = VectorUtil.l2normalize(new float[] {3, 4}, false);
    assertThat(v[0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(v[1]).isCloseTo(0.8f, within(1e-6f));
    assertThat(VectorUtil.l2normalize(new float[] {0, 0}, false)).containsExactly(0f, 0f);
    assertThat(VectorUtil.dotProduct(new float[] {1, 2}, new float[] {3, 4})).isEqualTo(11f);
  }
}
