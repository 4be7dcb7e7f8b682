package dev.jobcode.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The API requests under admission control: those holding a slot and those waiting for one (so
 * never {@code /health} or a scrape), the slots, the wait for a slot, and the 503 refusals by why.
 */
final class AdmissionMeters implements Admission.Listener {
  private final Timer waits;
  private final Map<Admission.Refusal, Counter> refusals = new EnumMap<>(Admission.Refusal.class);

  AdmissionMeters(MeterRegistry registry, Admission admission) {
    Gauge.builder("jobcode.admission.in.flight", admission, Admission::inUse).strongReference(true)
        .description("API requests holding an admission slot (being worked on)").register(registry);
    Gauge.builder("jobcode.admission.queued", admission, Admission::queued).strongReference(true)
        .description("API requests waiting for an admission slot").register(registry);
    Gauge.builder("jobcode.admission.slots", admission, Admission::slots).strongReference(true)
        .description("admission slots: requests worked on at once (--max-in-flight)").register(registry);
    waits = ServerMetrics.timer("jobcode.admission.wait", "time admitted API requests waited for a slot")
        .register(registry);
    for (Admission.Refusal why : Admission.Refusal.values()) {
      refusals.put(why, Counter.builder("jobcode.admission.refused").tag("reason", why.tag())
          .description("API requests refused with 503: at capacity after the queue time-out, or shutting down")
          .register(registry));
    }
  }

  @Override
  public void admitted(long waitedNanos) {
    waits.record(waitedNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void refused(Admission.Refusal why) {
    refusals.get(why).increment();
  }
}
