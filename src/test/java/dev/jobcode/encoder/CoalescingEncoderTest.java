package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingEncoderTest {
  /** Encodes a text as [its length, call number]; slow, and records the size of every batch. */
  static final class Recording implements Encoder {
    final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public ModelInfo model() {
      return new ModelInfo("recording", "0".repeat(64), 2, "mean");
    }

    @Override
    public List<float[]> encode(List<String> texts) {
      try {
        gate.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      batches.add(texts.size());
      int call = calls.incrementAndGet();
      if (texts.contains("boom")) {
        throw new EncoderException("model failed");
      }
      return texts.stream().map(t -> new float[] {t.length(), call}).toList();
    }
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
    model.gate = new CountDownLatch(1);            // hold the first batch until the others queue
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      List<Future<float[]>> answers = new ArrayList<>();
      answers.add(pool.submit(() -> encoder.encode("first")));
      Thread.sleep(100);
      for (int i = 0; i < 8; i++) {
        String text = "x".repeat(i + 1);
        answers.add(pool.submit(() -> encoder.encode(text)));
      }
      Thread.sleep(200);
      model.gate.countDown();
      assertThat(answers.get(0).get()[0]).isEqualTo(5f);
      for (int i = 0; i < 8; i++) {
        assertThat(answers.get(i + 1).get()[0]).as("text %d", i).isEqualTo(i + 1f);   // each gets its own vector
      }
      assertThat(model.batches).containsExactly(1, 8);   // the eight waiting calls ran as one batch
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batchesStopAtTheLimitButNeverSplitACall() throws Exception {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 4);
    model.gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      calls.add(pool.submit(() -> encoder.encode("first")));
      Thread.sleep(100);
      calls.add(pool.submit(() -> encoder.encode(List.of("a", "b", "c"))));
      Thread.sleep(50);
      calls.add(pool.submit(() -> encoder.encode(List.of("d", "e"))));
      Thread.sleep(50);
      calls.add(pool.submit(() -> encoder.encode(List.of("1", "2", "3", "4", "5", "6"))));
      Thread.sleep(100);
      model.gate.countDown();
      for (Future<?> f : calls) {
        f.get();
      }
      assertThat(model.batches).containsExactly(1, 3, 2, 6);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureReachesEveryCallerOfThatBatchAndOnlyThem() {
    Recording model = new Recording();
    CoalescingEncoder encoder = new CoalescingEncoder(model, 32);
    assertThatThrownBy(() -> encoder.encode(List.of("ok", "boom"))).isInstanceOf(EncoderException.class)
        .hasMessage("model failed");
    assertThat(encoder.encode("fine")[0]).isEqualTo(4f);
  }
}
