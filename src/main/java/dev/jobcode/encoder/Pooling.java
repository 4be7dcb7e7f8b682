package dev.jobcode.encoder;

/** How a transformer's token vectors become one vector per input. */
public enum Pooling {
  /** Mean of the token vectors under the attention mask (sentence-transformers' default). */
  MEAN,
  /** The first ([CLS]) token's vector (bge). */
  CLS;

  /**
   * Pools a batch of hidden states.
   *
   * @param hidden row-major {@code [batch][tokens][dim]} token vectors
   * @param mask {@code mask[b][t]} is 1 for a real token, 0 for padding
   * @return one unnormalised vector per batch row
   */
  public float[][] pool(float[] hidden, long[][] mask, int tokens, int dim) {
    int batch = mask.length;
    if (hidden.length != batch * tokens * dim) {
      throw new IllegalArgumentException("hidden has " + hidden.length + " values, expected "
          + batch + "x" + tokens + "x" + dim);
    }
    float[][] out = new float[batch][dim];
    for (int b = 0; b < batch; b++) {
      int base = b * tokens * dim;
      if (this == CLS) {
        System.arraycopy(hidden, base, out[b], 0, dim);
        continue;
      }
      int count = 0;
      for (int t = 0; t < tokens; t++) {
        if (mask[b][t] == 0) {
          continue;
        }
        count++;
        int offset = base + t * dim;
        for (int d = 0; d < dim; d++) {
          out[b][d] += hidden[offset + d];
        }
      }
      if (count > 0) {
        for (int d = 0; d < dim; d++) {
          out[b][d] /= count;
        }
      }
    }
    return out;
  }
}
