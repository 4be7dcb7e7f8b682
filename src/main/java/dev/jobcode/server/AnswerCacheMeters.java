package dev.jobcode.server;

import dev.jobcode.classify.AnswerCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The answer cache of the index served ({@link AnswerCache}): {@code jobcode_answer_cache_requests_total}
 * by {@code result} (hit, miss), which keep counting across index swaps, and the answers and
 * estimated bytes it holds now, with its bound.
 */
final class AnswerCacheMeters {
  private AnswerCacheMeters() {}

  static void register(MeterRegistry registry, ServedIndex served) {
    counter(registry, served, "hit", cache -> cache.stats().hitCount());
    counter(registry, served, "miss", cache -> cache.stats().missCount());
    gauge(registry, served, "jobcode.answer.cache.size", null, "answers held now", AnswerCache::size);
    gauge(registry, served, "jobcode.answer.cache.bytes", "bytes", "estimated bytes of the answers held now",
        AnswerCache::bytes);
    gauge(registry, served, "jobcode.answer.cache.max", "bytes", "the cache's bound in estimated bytes (0: off)",
        AnswerCache::maxBytes);
  }

  private static void counter(MeterRegistry registry, ServedIndex served, String result,
                              ToDoubleFunction<AnswerCache> count) {
    FunctionCounter.builder("jobcode.answer.cache.requests", served, s -> count.applyAsDouble(cache(s)))
        .tag("result", result)
        .description("classify queries answered from the answer cache (hit) or computed (miss)")
        .register(registry);
  }

  private static void gauge(MeterRegistry registry, ServedIndex served, String name, String unit, String description,
                            ToDoubleFunction<AnswerCache> value) {
    Gauge.builder(name, served, s -> value.applyAsDouble(cache(s))).strongReference(true).baseUnit(unit)
        .description(description).register(registry);
  }

  private static AnswerCache cache(ServedIndex served) {
    return served.current().classifier().answerCache();
  }
}
