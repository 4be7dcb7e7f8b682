package dev.jobcode.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code jobcode_http_requests_seconds}: every answered request's time by route, method and status.
 * The route is the pattern that matched ({@code /v1/occupations/{code}}), never the path with its
 * ids, so the series stay few whatever clients send.
 */
final class RequestMeters {
  /** The route of a request that matched none (an unknown path), or was refused before routing. */
  static final String UNMATCHED = "unmatched";

  private final Meter.MeterProvider<Timer> timers;

  RequestMeters(MeterRegistry registry) {
    timers = ServerMetrics.timer("jobcode.http.requests", "HTTP requests answered, by route pattern, method and status")
        .withRegistry(registry);
  }

  /** From the request log hook, once the answer is written. Scrapes are left out: see the README. */
  void record(Context ctx, float millis) {
    String route = route(ctx);
    if (route.equals(ServerMetrics.PATH)) {
      return;
    }
    timers.withTags("route", route, "method", ctx.method().name(), "status", Integer.toString(ctx.statusCode()))
        .record((long) (millis * 1e6), TimeUnit.NANOSECONDS);
  }

  static String route(Context ctx) {
    // A request refused in a before-handler (a body over the size limit) was never routed, and
    // Javalin will not name its endpoint there.
    if (ctx.handlerType() == HandlerType.BEFORE) {
      return UNMATCHED;
    }
    String path = ctx.endpointHandlerPath();
    return path == null || path.isEmpty() ? UNMATCHED : path;
  }
}
