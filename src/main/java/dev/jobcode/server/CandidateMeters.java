package dev.jobcode.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code jobcode_candidate_searches_seconds}: candidate searches answered, and their time, by kind. */
final class CandidateMeters {
  /** Similar candidates ({@code /v1/candidates/search}) or a kNN vote ({@code /v1/candidates/classify}). */
  enum Kind { SEARCH, VOTE }

  private final Map<Kind, Timer> timers = new EnumMap<>(Kind.class);

  CandidateMeters(MeterRegistry registry) {
    for (Kind kind : Kind.values()) {
      timers.put(kind, ServerMetrics.timer("jobcode.candidate.searches", "candidate searches answered, by kind")
          .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
    }
  }

  /** Runs {@code search}, timed when it answers (a refused search is the route's 4xx, not a search). */
  <T> T time(Kind kind, Supplier<T> search) {
    long start = System.nanoTime();
    T found = search.get();
    timers.get(kind).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return found;
  }
}
