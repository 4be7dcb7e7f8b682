package dev.jobcode.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs concurrent encode calls together. The model already uses every core for one batch, so
 * running two calls side by side only makes them contend; and a batch of 32 titles costs far less
 * than 32 single calls. Each call queues its texts and takes the model lock; whoever holds it
 * encodes everything queued (up to {@code maxBatch} texts, always at least one whole call) in one
 * batch and hands each caller its vectors. An idle encoder runs a lone call at once: batching
 * costs a single caller nothing. {@link EncodeListener}s are told of each model call.
 */
public final class CoalescingEncoder implements Encoder {
  private record Pending(List<String> texts, CompletableFuture<List<float[]>> result) {}

  private final Encoder delegate;
  private final int maxBatch;
  private final ReentrantLock model = new ReentrantLock(true);
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final List<EncodeListener> listeners = new CopyOnWriteArrayList<>();

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

  /** From the next model call on, tells {@code listener} of each one. */
  public void addListener(EncodeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(EncodeListener listener) {
    listeners.remove(listener);
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
    List<float[]> vectors;
    long start = System.nanoTime();
    try {
      vectors = delegate.encode(texts);
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
      return;
    }
    // Before the callers get their vectors, so that whatever they answer already shows in the meters.
    // A listener that throws breaks its contract, but must not leave the batch's callers waiting.
    var call = new EncodeListener.ModelCall(batch.size(), texts.size(), System.nanoTime() - start);
    try {
      listeners.forEach(l -> l.encoded(call));
    } finally {
      int from = 0;
      for (Pending p : batch) {
        p.result().complete(vectors.subList(from, from + p.texts().size()));
        from += p.texts().size();
      }
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
