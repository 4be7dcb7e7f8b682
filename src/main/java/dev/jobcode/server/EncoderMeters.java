package dev.jobcode.server;

import dev.jobcode.encoder.EncodeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The model calls of a {@link dev.jobcode.encoder.CoalescingEncoder}: how many encode calls it
 * served, how many texts each model call carried (how well concurrent requests coalesce) and how
 * long each took. The encoder is the process's, so every server over it sees all its calls.
 */
final class EncoderMeters implements EncodeListener {
  /** Texts per model call, as buckets: the coalescer's batches go up to 64, a batch request to 256. */
  private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  private final Counter calls;
  private final DistributionSummary texts;
  private final Timer time;

  EncoderMeters(MeterRegistry registry) {
    calls = Counter.builder("jobcode.encoder.calls").description("encode calls served (a request's texts each)")
        .register(registry);
    texts = DistributionSummary.builder("jobcode.encoder.batch.texts")
        .description("texts per model call; its count is the model calls").serviceLevelObjectives(BATCH_BUCKETS)
        .register(registry);
    time = ServerMetrics.timer("jobcode.encoder.batch", "time of a model call").register(registry);
  }

  @Override
  public void encoded(ModelCall call) {
    calls.increment(call.calls());
    texts.record(call.texts());
    time.record(call.nanos(), TimeUnit.NANOSECONDS);
  }
}
