package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The coalescer's batching, made deterministic without sleeps: the first call is held inside the
 * model by a gate, and each later call is started only once the one before it is parked on the
 * model lock, which it takes only after queueing its texts.
 */
class CoalescingEncoderTest {
  /** Encodes a text as [its length, call number]; can be held at a gate; records every batch size. */
  static final class Recording implements Encoder {
    final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public ModelInfo model() {
      return new ModelInfo("recording", "0".repeat(64), 2, "mean");
    }

    @Override
    public List<float[]> encode(List<String> texts) {
      entered.countDown();
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      batches.add(texts.size());
      int call = calls.incrementAndGet();
      if (texts.contains("boom")) {
        throw new EncoderException("model failed");
      }
      return texts.stream().map(t -> new float[] {t.length(), call}).toList();
    }
  }

  /** Runs {@code call} in a thread of its own. */
  private static <T> FutureTask<T> start(Callable<T> call) {
    FutureTask<T> task = new FutureTask<>(call);
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
    threads.add(thread);
    return task;
  }

  private static final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

  /** Waits until the last thread started is parked: queued, and waiting for the model lock. */
  private static void awaitQueued() throws InterruptedException {
    Thread last = threads.get(threads.size() - 1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (last.getState() != Thread.State.WAITING) {
      assertThat(System.nanoTime()).as("call never queued").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  /** Starts a call that the gate holds inside the model, and waits until it is there. */
  private static FutureTask<float[]> holdTheModel(Recording model, CoalescingEncoder encoder) throws InterruptedException {
    model.gate = new CountDownLatch(1);
    FutureTask<float[]> first = start(() -> encoder.encode("first"));
    assertThat(model.entered.await(10, TimeUnit.SECONDS)).as("first call reached the model").isTrue();
    return first;
  }

  @Test
  void aLoneCallRunsAtOnceAndAnswersInOrder() {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 32);
    List<float[]> v = encoder.encode(List.of("a", "bbb", "cc"));
    assertThat(v).extracting(x -> x[0]).containsExactly(1f, 3f, 2f);
    assertThat(model.batches).containsExactly(3);
    assertThat(encoder.encode(List.of())).isEmpty();
  }

  @Test
  void concurrentCallsWaitingForTheModelAreEncodedTogether() throws Exception {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 32);
    FutureTask<float[]> first = holdTheModel(model, encoder);
    List<FutureTask<float[]>> waiting = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = "x".repeat(i + 1);
      waiting.add(start(() -> encoder.encode(text)));
      awaitQueued();
    }
    model.gate.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)[0]).isEqualTo(5f);
    for (int i = 0; i < 8; i++) {
      assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)[0]).as("text %d", i).isEqualTo(i + 1f);   // each its own vector
    }
    assertThat(model.batches).containsExactly(1, 8);   // the eight waiting calls ran as one batch
  }

  @Test
  void batchesStopAtTheLimitButNeverSplitACall() throws Exception {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 4);
    List<FutureTask<?>> calls = new ArrayList<>();
    calls.add(holdTheModel(model, encoder));
    for (List<String> texts : List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("1", "2", "3", "4", "5", "6"))) {
      calls.add(start(() -> encoder.encode(texts)));
      awaitQueued();
    }
    model.gate.countDown();
    for (FutureTask<?> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(model.batches).containsExactly(1, 3, 2, 6);
  }

  @Test
  void aFailureReachesEveryCallerOfThatBatchAndOnlyThem() {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 32);
    assertThatThrownBy(() -> encoder.encode(List.of("ok", "boom"))).isInstanceOf(EncoderException.class)
        .hasMessage("model failed");
    assertThat(encoder.encode("fine")[0]).isEqualTo(4f);
  }

  @Test
  void listenersAreToldOfEachModelCallWithTheCallsItCoalescedUntilRemoved() throws Exception {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 32);
    List<EncodeListener.ModelCall> told = Collections.synchronizedList(new ArrayList<>());
    EncodeListener listener = told::add;
    encoder.addListener(listener);
    FutureTask<float[]> first = holdTheModel(model, encoder);
    List<FutureTask<List<float[]>>> waiting = new ArrayList<>();
    for (List<String> texts : List.of(List.of("a", "b", "c"), List.of("d", "e"))) {
      waiting.add(start(() -> encoder.encode(texts)));
      awaitQueued();
    }
    model.gate.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (FutureTask<List<float[]>> call : waiting) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertThat(told).extracting(EncodeListener.ModelCall::calls, EncodeListener.ModelCall::texts)
        .containsExactly(tuple(1, 1), tuple(2, 5));
    assertThat(told).allMatch(c -> c.nanos() > 0);

    assertThatThrownBy(() -> encoder.encode("boom")).isInstanceOf(EncoderException.class);
    assertThat(told).as("a failed call is not one that returned").hasSize(2);
    encoder.removeListener(listener);
    encoder.encode("after");
    assertThat(told).hasSize(2);
  }
}
