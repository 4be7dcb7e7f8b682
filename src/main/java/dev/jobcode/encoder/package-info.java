/**
 * Sentence embeddings: the {@link dev.jobcode.encoder.Encoder} interface, the models jobcode knows
 * ({@link dev.jobcode.encoder.ModelSpec}), where their files come from, and the DJL + OnnxRuntime
 * implementation with token windows for long texts.
 */
package dev.jobcode.encoder;
