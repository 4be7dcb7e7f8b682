package dev.jobcode.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs concurrent encode calls together. The model already uses every core for one batch, so
 * running two calls side by side only makes them contend; and a batch of 32 titles costs far less
 * than 32 single calls. Each call queues its texts and takes the model lock; whoever holds it
 * encodes everything queued (up to {@code maxBatch} texts, always at least one whole call) in one
 * batch and hands each caller its vectors. An idle encoder runs a lone call at once: batching
 * costs a single caller nothing.
 */
public final class CoalescingEncoder implements Encoder {
  private record Pending(List<String> texts, CompletableFuture<List<float[]>> result) {}

  private final Encoder delegate;
  private final int maxBatch;
  private final ReentrantLock model = new ReentrantLock(true);
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

  public CoalescingEncoder(Encoder delegate, int maxBatch) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
    this.maxBatch = maxBatch;
  }

  @Override
  public ModelInfo model() {
    return delegate.model();
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    Pending mine = new Pending(List.copyOf(texts), new CompletableFuture<>());
    queue.add(mine);
    while (!mine.result().isDone()) {
      model.lock();
      try {
        if (!mine.result().isDone()) {
          runQueued();
        }
      } finally {
        model.unlock();
      }
    }
    try {
      return mine.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Takes queued calls up to the batch limit and encodes them as one batch. Holds the lock. */
  private void runQueued() {
    List<Pending> batch = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Pending next;
    while ((next = queue.peek()) != null
        && (batch.isEmpty() || texts.size() + next.texts().size() <= maxBatch)) {
      queue.poll();
      batch.add(next);
      texts.addAll(next.texts());
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<float[]> vectors = delegate.encode(texts);
      int from = 0;
      for (Pending p : batch) {
        p.result().complete(vectors.subList(from, from + p.texts().size()));
        from += p.texts().size();
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
