package dev.jobcode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The bench report as a table for people; the JSON has the same figures. */
final class BenchTable {
  private BenchTable() {}

  static String render(JsonNode r) {
    StringBuilder b = new StringBuilder();
    JsonNode ratios = r.path("ratios");
    line(b, "jobcode bench: model %s, %,d titles", r.path("model").asText(), r.path("titles").asInt());
    line(b, "%-34s %9s %9s %11s  %s", "", "p50 ms", "p99 ms", "titles/s", "ratio");
    row(b, "encoder alone", r.path("encoder"), "single", "");
    row(b, "classify in-process", r.path("classify"), "single", String.format(Locale.ROOT,
        "p50 %.2f× encoder; batch %.2f× encoder", ratios.path("classify_single_p50_vs_encoder").asDouble(),
        ratios.path("classify_batch_vs_encoder").asDouble()));
    JsonNode http = r.path("http");
    line(b, "%-34s %9.2f %9.2f %11s  p50 %.2f× encoder", "HTTP /v1/classify, one client",
        http.path("single_p50_ms").asDouble(), http.path("single_p99_ms").asDouble(), "",
        ratios.path("http_single_p50_vs_encoder").asDouble());
    line(b, "%-34s %9s %9s %11.1f  %.2f× encoder batch", "HTTP /v1/classify/batch (32)", "", "",
        http.path("batch_titles_per_s").asDouble(), ratios.path("http_batch_vs_encoder").asDouble());
    line(b, "%-34s %9s %9s %11.1f  %.2f× encoder batch", "HTTP /v1/classify, " + http.path("concurrent_clients").asInt()
        + " clients", "", "", http.path("concurrent_single_titles_per_s").asDouble(),
        ratios.path("http_concurrent_vs_encoder_batch").asDouble());
    JsonNode hnsw = r.path("hnsw");
    line(b, "HNSW recall@10 vs exact search: %.3f at %d candidates (%.3f asking 10); p50 %.2f ms vs exact %.2f ms",
        hnsw.path("recall_at_10").asDouble(), hnsw.path("candidates").asInt(),
        hnsw.path("recall_at_10_asking_10").asDouble(), hnsw.path("hnsw_p50_ms").asDouble(),
        hnsw.path("exact_p50_ms").asDouble());
    JsonNode c = r.path("candidates");
    if (!c.isMissingNode()) {
      line(b, "candidate search, %,d CVs, k 10 (p50/p99 ms): by text %.1f/%.1f, filtered %.1f/%.1f; by id %.2f/%.2f, "
              + "filtered %.2f/%.2f", c.path("count").asInt(),
          c.path("by_text_p50_ms").asDouble(), c.path("by_text_p99_ms").asDouble(),
          c.path("by_text_filtered_p50_ms").asDouble(), c.path("by_text_filtered_p99_ms").asDouble(),
          c.path("by_id_p50_ms").asDouble(), c.path("by_id_p99_ms").asDouble(),
          c.path("by_id_filtered_p50_ms").asDouble(), c.path("by_id_filtered_p99_ms").asDouble());
    }
    JsonNode build = r.path("build");
    line(b, "index build, %d occupations (%,d texts): %.1f s vs %.1f s pure encoding = %.2f×",
        build.path("occupations").asInt(), build.path("texts").asInt(), build.path("build_seconds").asDouble(),
        build.path("encoding_seconds").asDouble(), build.path("build_vs_encoding").asDouble());
    JsonNode index = r.path("index");
    line(b, "index on disk: %.1f MB (built in %.1f s); peak heap %.0f MB", index.path("size_bytes").asLong() / 1e6,
        index.path("build_seconds").asDouble(), r.path("peak_heap_bytes").asLong() / 1e6);
    JsonNode peer = r.path("peer");
    if (peer.has("skipped")) {
      line(b, "peer: skipped (%s)", peer.path("skipped").asText());
    } else if (!peer.isMissingNode()) {
      line(b, "peer (%s): classify p50 %.1f ms, embedding batch %.1f titles/s; jobcode classify p50 %.3f× the peer's, "
              + "batch classify %.2f× the peer's batch embedding", peer.path("peer").asText(),
          peer.path("classify_single_p50_ms").asDouble(), peer.path("embed_batch32_titles_per_s").asDouble(),
          ratios.path("classify_single_p50_vs_peer").asDouble(), ratios.path("classify_batch_vs_peer_embedding").asDouble());
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String name, JsonNode node, String prefix, String ratio) {
    line(b, "%-34s %9.2f %9.2f %11.1f  %s", name, node.path(prefix + "_p50_ms").asDouble(),
        node.path(prefix + "_p99_ms").asDouble(), node.path("batch_titles_per_s").asDouble(), ratio);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
