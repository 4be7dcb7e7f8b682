package dev.jobcode.server;

import dev.jobcode.index.IndexMeta;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * What index is served: {@code jobcode_index_info{taxonomy, version, model, built_at} 1}, one series
 * only, and {@code jobcode_index_built_timestamp_seconds} (for the index's age).
 */
final class IndexMeters {
  private final ServedIndex served;
  private final MultiGauge info;

  IndexMeters(MeterRegistry registry, ServedIndex served) {
    this.served = served;
    info = MultiGauge.builder("jobcode.index.info")
        .description("the index served: taxonomy, its version, the model and when it was built (always 1)")
        .register(registry);
    Gauge.builder("jobcode.index.built.timestamp", served, s -> builtAtSeconds(s.current().index().meta()))
        .strongReference(true).baseUnit("seconds")
        .description("when the index served was built, in seconds since the epoch").register(registry);
    refresh();
  }

  /**
   * Reads the served index again and keeps only its series. Called before every scrape, so that
   * after a swap, however it was made, a scrape names the new index and no longer the old one.
   */
  void refresh() {
    IndexMeta meta = served.current().index().meta();
    Tags tags = Tags.of("taxonomy", meta.taxonomy().name(), "version", meta.taxonomy().version(),
        "model", meta.model().id(), "built_at", Objects.toString(meta.builtAt(), ""));
    info.register(List.of(MultiGauge.Row.of(tags, 1)), false);   // rows not given are removed
  }

  private static double builtAtSeconds(IndexMeta meta) {
    try {
      return meta.builtAt() == null ? Double.NaN : Instant.parse(meta.builtAt()).getEpochSecond();
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }
}
