package dev.jobcode.measure;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench report as a table for people; the JSON has the same figures. */
public final class BenchTable {
  private BenchTable() {}

  public static String render(BenchReport r) {
    StringBuilder b = new StringBuilder();
    BenchReport.Ratios ratios = r.ratios();
    line(b, "jobcode bench: model %s, %,d titles", r.model(), r.titles());
    line(b, "%-34s %9s %9s %11s  %s", "", "p50 ms", "p99 ms", "titles/s", "ratio");
    row(b, "encoder alone", r.encoder(), "");
    var spread = r.ratioSpreads();
    row(b, "classify in-process", r.classify(), String.format(Locale.ROOT, "p50 %.2f×%s encoder; batch %.2f×%s encoder",
        ratios.classifySingleP50VsEncoder(), range(spread, "classify_single_p50_vs_encoder"),
        ratios.classifyBatchVsEncoder(), range(spread, "classify_batch_vs_encoder")));
    BenchReport.Http http = r.http();
    line(b, "%-34s %9.2f %9.2f %11s  p50 %.2f×%s encoder", "HTTP /v1/classify, one client",
        http.single().p50Ms(), http.single().p99Ms(), "", ratios.httpSingleP50VsEncoder(),
        range(spread, "http_single_p50_vs_encoder"));
    line(b, "%-34s %9s %9s %11.1f  %.2f×%s encoder batch", "HTTP /v1/classify/batch (32)", "", "",
        http.batchTitlesPerS(), ratios.httpBatchVsEncoder(), range(spread, "http_batch_vs_encoder"));
    line(b, "%-34s %9s %9s %11.1f  %.2f×%s encoder batch", "HTTP /v1/classify, " + http.concurrentClients()
        + " clients", "", "", http.concurrentSingleTitlesPerS(), ratios.httpConcurrentVsEncoderBatch(),
        range(spread, "http_concurrent_vs_encoder_batch"));
    BenchReport.Layers layers = r.layers();
    line(b, "one title over HTTP, p50 ms: encode %.2f, HNSW %.2f, vote and evidence %.2f, JSON %.2f, bare HTTP round "
            + "trip %.2f (%.2f back to back), rest of HTTP %.2f; answer %,d bytes", layers.encodeMs(), layers.hnswMs(),
        layers.voteAndEvidenceMs(), layers.jsonMs(), layers.bareHttpMs(), layers.bareHttpBackToBackMs(),
        layers.restOfHttpMs(), layers.answerBytes());
    BenchReport.AnswerCacheRun cache = r.answerCache();
    for (BenchReport.CacheStream st : cache.streams()) {
      line(b, "%-34s %9s %9s %11.1f  %.2f× encoder batch; %,d titles, %,d distinct, %.0f%% hits; uncached %.1f/s",
          "answer cache, " + st.name() + " stream", "", "", st.onTitlesPerS(), st.onVsEncoderBatch(), st.titles(),
          st.distinct(), 100 * st.hitRate(), st.offTitlesPerS());
    }
    BenchReport.Hnsw hnsw = r.hnsw();
    line(b, "HNSW recall@10 vs exact search: %.3f at %d candidates (%.3f asking 10); p50 %.2f ms vs exact %.2f ms",
        hnsw.recallAt10(), hnsw.candidates(), hnsw.recallAt10Asking10(), hnsw.hnswP50Ms(), hnsw.exactP50Ms());
    BenchReport.Candidates c = r.candidates();
    if (c != null) {
      line(b, "%s", candidates(c));
    }
    BenchReport.Build build = r.build();
    line(b, "index build, %d occupations (%,d texts): %.1f s vs %.1f s pure encoding = %.2f×",
        build.occupations(), build.texts(), build.buildSeconds(), build.encodingSeconds(), build.buildVsEncoding());
    line(b, "index on disk: %.1f MB (built in %.1f s); peak heap %.0f MB", r.index().sizeBytes() / 1e6,
        r.index().buildSeconds(), r.peakHeapBytes() / 1e6);
    BenchReport.Peer peer = r.peer();
    if (peer != null && peer.skipped() != null) {
      line(b, "peer: skipped (%s)", peer.skipped());
    } else if (peer != null) {
      line(b, "peer (%s): classify p50 %.1f ms, embedding batch %.1f titles/s; jobcode classify p50 %.3f× the peer's, "
              + "batch classify %.2f× the peer's batch embedding", peer.peer(),
          peer.classifySingleP50Ms(), peer.embedBatch32TitlesPerS(),
          ratios.classifySingleP50VsPeer(), ratios.classifyBatchVsPeerEmbedding());
    }
    return b.toString();
  }

  /** " (low–high)" of a ratio over the rounds, or nothing when not measured. */
  private static String range(Map<String, List<Double>> spreads, String ratio) {
    List<Double> r = spreads == null ? null : spreads.get(ratio);
    return r == null ? "" : String.format(Locale.ROOT, " (%.2f–%.2f)", r.get(0), r.get(1));
  }

  private static void row(StringBuilder b, String name, BenchReport.Layer layer, String ratio) {
    line(b, "%-34s %9.2f %9.2f %11.1f  %s", name, layer.single().p50Ms(), layer.single().p99Ms(),
        layer.batchTitlesPerS(), ratio);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** The candidate store's line: latency by text and by id, plain and filtered, and recall against exact search. */
  public static String candidates(BenchReport.Candidates c) {
    return String.format(Locale.ROOT, "candidate search, %,d CVs in %s, k 10 (p50/p99 ms): by text %.1f/%.1f, "
            + "filtered %.1f/%.1f; by id %.2f/%.2f, filtered %.2f/%.2f; recall@10 vs exact %.3f, filtered %.3f",
        c.count(), c.store(), c.byText().p50Ms(), c.byText().p99Ms(), c.byTextFiltered().p50Ms(),
        c.byTextFiltered().p99Ms(), c.byId().p50Ms(), c.byId().p99Ms(), c.byIdFiltered().p50Ms(),
        c.byIdFiltered().p99Ms(), c.recallAt10(), c.recallAt10Filtered());
  }
}
