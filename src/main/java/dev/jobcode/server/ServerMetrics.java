package dev.jobcode.server;

import dev.jobcode.encoder.CoalescingEncoder;
import io.javalin.http.Context;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /metrics}: one server's meters in Prometheus text. The registry is the server's own, never
 * a global one, so servers side by side (tests) count apart; it holds the requests, admission, the
 * encoder's model calls, the answer cache, candidate searches, the index served and the JVM's usual meters.
 */
final class ServerMetrics implements AutoCloseable {
  static final String PATH = "/metrics";

  /** Prometheus text exposition format 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Latency buckets of every timer: a title takes milliseconds, a 256-title batch seconds. */
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RequestMeters requests = new RequestMeters(registry);
  private final CandidateMeters candidates = new CandidateMeters(registry);
  private final IndexMeters index;
  private final List<AutoCloseable> unbind = new ArrayList<>();

  ServerMetrics(ServedIndex served, Admission admission) {
    index = new IndexMeters(registry, served);
    AnswerCacheMeters.register(registry, served);
    admission.listen(new AdmissionMeters(registry, admission));
    // Swaps keep the encoder, so it is watched once. Only the coalescer reports model calls.
    if (served.current().classifier().encoder() instanceof CoalescingEncoder coalescing) {
      EncoderMeters encoder = new EncoderMeters(registry);
      coalescing.addListener(encoder);
      unbind.add(() -> coalescing.removeListener(encoder));
    }
    JvmGcMetrics gc = new JvmGcMetrics();
    unbind.add(gc);
    for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
        new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
      binder.bindTo(registry);
    }
  }

  /** A timer of {@link #LATENCY_BUCKETS}, so that Prometheus can compute quantiles over any servers. */
  static Timer.Builder timer(String name, String description) {
    return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS);
  }

  RequestMeters requests() {
    return requests;
  }

  CandidateMeters candidates() {
    return candidates;
  }

  @OpenApi(path = PATH, tags = "health", operationId = "metrics",
      summary = "Prometheus text: requests by route and status, admission, encoder batches, candidate searches, "
          + "the index served, the JVM; never queued",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/plain", from = String.class)))
  void scrape(Context ctx) {
    index.refresh();
    ctx.contentType(CONTENT_TYPE).result(registry.scrape());
  }

  /** Stops watching the encoder and the garbage collector (the server has stopped). */
  @Override
  public void close() throws Exception {
    for (AutoCloseable u : unbind) {
      u.close();
    }
    registry.close();
  }
}
