package dev.jobcode.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** The vectors of a made-up pool: the sources, then seeded noisy copies, the same however they are asked for. */
class PerturbedCopiesTest {
  private static final int DIMENSION = 384;

  private static List<float[]> sources(int n) {
    Random random = new Random(3);
    List<float[]> sources = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[DIMENSION];
      for (int d = 0; d < DIMENSION; d++) {
        v[d] = (float) random.nextGaussian();
      }
      sources.add(VectorUtil.l2normalize(v));
    }
    return sources;
  }

  @Test
  void everyVectorIsAUnitCopyOfTheSourcesInTurn() {
    List<float[]> sources = sources(5);
    PerturbedCopies copies = new PerturbedCopies(sources, 0.018, 42);
    assertThat(copies.source(3)).isEqualTo(3);
    assertThat(copies.copy(3)).isZero();
    assertThat(copies.vector(3)).isNotEqualTo(sources.get(3));
    assertThat(VectorUtil.dotProduct(copies.vector(3), sources.get(3))).isCloseTo(0.943f, within(0.01f));
    assertThat(copies.source(12)).isEqualTo(2);
    assertThat(copies.copy(12)).isEqualTo(2);
    float[] copy = copies.vector(12);
    assertThat(VectorUtil.dotProduct(copy, copy)).isCloseTo(1f, within(1e-5f));
    // Noise of 0.018 in each of 384 dimensions has a norm of sqrt(384) × 0.018 = 0.353:
    // cos ≈ 1 / sqrt(1 + 0.353²) = 0.943.
    assertThat(VectorUtil.dotProduct(copy, sources.get(2))).isCloseTo(0.943f, within(0.01f));
  }

  @Test
  void aCopyIsTheSameFloatsWhenMadeAgainInAnyOrderAndByAnotherInstance() {
    PerturbedCopies one = new PerturbedCopies(sources(5), 0.018, 42);
    float[] late = one.vector(1_000_003);
    one.vector(7);
    assertThat(new PerturbedCopies(sources(5), 0.018, 42).vector(1_000_003)).containsExactly(late);
    assertThat(new PerturbedCopies(sources(5), 0.018, 43).vector(1_000_003)).isNotEqualTo(late);
  }

  @Test
  void queriesAreCopiesThatNoPoolHolds() {
    PerturbedCopies copies = new PerturbedCopies(sources(5), 0.018, 42);
    float[] query = copies.query(0, 2);
    for (int i = 0; i < 50; i++) {
      assertThat(copies.vector(i)).isNotEqualTo(query);
    }
    assertThat(copies.query(0, 2)).containsExactly(query);
    assertThat(copies.query(1, 2)).isNotEqualTo(query);
  }

  @Test
  void misuseIsRefused() {
    assertThatThrownBy(() -> new PerturbedCopies(List.of(), 0.018, 42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PerturbedCopies(sources(1), 0, 42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PerturbedCopies(sources(1), Double.NaN, 42))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PerturbedCopies(sources(1), 0.018, 42).vector(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
