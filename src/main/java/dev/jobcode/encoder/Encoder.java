package dev.jobcode.encoder;

import java.util.List;

/**
 * Turns texts into L2-normalised vectors. Implementations are thread-safe. A text longer than the
 * model's window is encoded in windows and pooled, never silently truncated.
 */
public interface Encoder extends AutoCloseable {

  /** The model's identity, recorded in every index and checked when one is opened. */
  ModelInfo model();

  /** Encodes texts in order; batching is the implementation's business. */
  List<float[]> encode(List<String> texts);

  default float[] encode(String text) {
    return encode(List.of(text)).get(0);
  }

  @Override
  default void close() {}
}
