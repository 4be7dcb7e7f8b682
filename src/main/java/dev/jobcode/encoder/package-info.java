/**
 * Sentence embeddings: the {@link dev.jobcode.encoder.Encoder} interface, the models jobcode knows
 * ({@link dev.jobcode.encoder.ModelSpec}), where their files come from, and the DJL + OnnxRuntime
 * implementation with token windows for long texts, and the coalescer that batches concurrent calls
 * (whose model calls an {@link dev.jobcode.encoder.EncodeListener} can watch).
 */
package dev.jobcode.encoder;
