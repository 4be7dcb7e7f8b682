package dev.jobcode.testing;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.VectorUtil;

/**
 * A deterministic bag-of-words encoder for fast tests: each word (lower case, plural "s" dropped)
 * adds one to a hashed dimension, then the vector is normalised. Texts that share words are near;
 * identical texts are identical. Counts calls, and can be told to fail after some texts.
 */
public final class FakeEncoder implements Encoder {
  public static final ModelInfo MODEL = new ModelInfo("fake-bow", "0".repeat(64), 64, "mean");

  private final ModelInfo model;
  private final int failAfter;
  private final AtomicInteger encoded = new AtomicInteger();

  public FakeEncoder() {
    this(MODEL, Integer.MAX_VALUE);
  }

  public FakeEncoder(ModelInfo model, int failAfter) {
    this.model = model;
    this.failAfter = failAfter;
  }

  /** Texts encoded so far. */
  public int encodedTexts() {
    return encoded.get();
  }

  @Override
  public ModelInfo model() {
    return model;
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      if (encoded.incrementAndGet() > failAfter) {
        throw new IllegalStateException("fake encoder told to fail");
      }
      float[] v = new float[model.dimension()];
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (word.isEmpty()) {
          continue;
        }
        String stem = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        v[Math.floorMod(stem.hashCode(), v.length)] += 1;
      }
      if (isZero(v)) {
        v[0] = 1;
      }
      out.add(VectorUtil.l2normalize(v, false));
    }
    return out;
  }

  private static boolean isZero(float[] v) {
    for (float x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
