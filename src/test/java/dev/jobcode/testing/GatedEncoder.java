package dev.jobcode.testing;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fake encoder, except that a batch holding a text with the word "slow" waits until
 * {@link #open()}: a request that is certainly in flight while a test does something else.
 */
public final class GatedEncoder implements Encoder {
  private final FakeEncoder fake = new FakeEncoder();
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);

  @Override
  public ModelInfo model() {
    return fake.model();
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    if (texts.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("slow"))) {
      entered.countDown();
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the gate was never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fake.encode(texts);
  }

  /** Waits until a slow text is being encoded. */
  public void awaitSlowRequest() throws InterruptedException {
    if (!entered.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no slow request reached the encoder");
    }
  }

  public void open() {
    gate.countDown();
  }
}
