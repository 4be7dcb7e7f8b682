package dev.jobcode.measure;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;

/**
 * Unit vectors for a pool of any size, made from the real vectors of a smaller one. Vector {@code i}
 * of a pool built from {@code S} sources is a copy of source {@code i mod S}: the source plus
 * Gaussian noise of standard deviation {@code sigma} in every dimension, re-normalised (L2). Every
 * vector is a copy, the first {@code S} too: a source kept as it is would be nearer to every copy
 * than any copy is, and so the nearest neighbour of most queries, whatever the pool's size. Held-out
 * query vectors are copies drawn the same way from a stream of their own, so none of them is in any
 * pool.
 *
 * <p>Each copy is drawn from a generator seeded by {@code (seed, i)} alone, so any vector can be
 * made again, on its own and in any order, with the same floats: a pool of a million is written
 * and scanned without holding its vectors.
 */
final class PerturbedCopies {
  /** Spreads the seed apart from the copy numbers (the 64-bit golden ratio, as SplittableRandom's). */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  private final List<float[]> sources;
  private final double sigma;
  private final long seed;

  PerturbedCopies(List<float[]> sources, double sigma, long seed) {
    Objects.requireNonNull(sources, "sources");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source vectors");
    }
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be a positive number: " + sigma);
    }
    this.sources = List.copyOf(sources);
    this.sigma = sigma;
    this.seed = seed;
  }

  int sources() {
    return sources.size();
  }

  /** Which source vector {@code i} comes from. */
  int source(int i) {
    return i % sources.size();
  }

  /** Which copy of its source vector {@code i} is: 0 for the first. */
  int copy(int i) {
    return i / sources.size();
  }

  /** Vector {@code i} (a new array). */
  float[] vector(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("vector number must be 0 or more: " + i);
    }
    return perturbed(source(i), i);
  }

  /** Held-out query {@code j}, a copy of source {@code source} (a new array). */
  float[] query(int j, int source) {
    if (j < 0) {
      throw new IllegalArgumentException("query number must be 0 or more: " + j);
    }
    return perturbed(source, -1L - j);   // negative streams: never a pool's vector
  }

  float[] sourceVector(int source) {
    return sources.get(source).clone();
  }

  private float[] perturbed(int source, long stream) {
    SplittableRandom random = new SplittableRandom(seed * SPREAD + stream);
    float[] v = sources.get(source).clone();
    for (int d = 0; d < v.length; d++) {
      v[d] += (float) (sigma * random.nextGaussian());
    }
    return VectorUtil.l2normalize(v);
  }
}
