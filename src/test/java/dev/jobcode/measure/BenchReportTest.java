package dev.jobcode.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench report's JSON keeps the keys (and their order) that the bench wrote as a tree, and the table reads the fields. */
class BenchReportTest {
  static BenchReport report(BenchReport.Peer peer) {
    BenchReport.Layer encoder = new BenchReport.Layer(new BenchReport.Percentiles(4.23, 8.39), 464);
    BenchReport.Layer classify = new BenchReport.Layer(new BenchReport.Percentiles(5.43, 9.52), 361);
    BenchReport.Http http = new BenchReport.Http(new BenchReport.Percentiles(7.04, 13.97), 375, 16, 243);
    BenchReport.Build build = new BenchReport.Build(150, 7000, 10, 10.8, 1.08);
    BenchReport.Hnsw hnsw = new BenchReport.Hnsw(500, 300, 0.994, 0.95, 0.8, 12.5);
    BenchReport.Candidates candidates = new BenchReport.Candidates("index/candidates", 10_000, 200,
        new BenchReport.Percentiles(20, 30), new BenchReport.Percentiles(21, 31), new BenchReport.Percentiles(1, 2),
        new BenchReport.Percentiles(0.5, 0.9), 0.995, 0.99);
    BenchReport.AnswerCacheRun cache = new BenchReport.AnswerCacheRun(64L << 20, List.of(
        new BenchReport.CacheStream("distinct", 2024, 2024, 361, 358, 0, 0.772),
        new BenchReport.CacheStream("repeated", 4467, 1981, 361, 790, 0.556, 1.703)));
    BenchReport.Layers layers = new BenchReport.Layers(4.23, 0.8, 0.4, 0.12, 0.9, 0.31, 0.59, 3456);
    Map<String, List<Double>> spreads = new LinkedHashMap<>();
    spreads.put("classify_single_p50_vs_encoder", List.of(1.2, 1.31));
    spreads.put("http_single_p50_vs_encoder", List.of(1.55, 1.7));
    return new BenchReport(2024, "e5-small-v2-q", encoder, classify, http, 3, layers, cache, hnsw, candidates,
        new BenchReport.Index("index/default", 130_000_000, 431), build,
        BenchReport.Ratios.of(encoder, classify, http, build, peer), spreads, hnsw.recallAt10(), peer, 321_000_000);
  }

  private static final BenchReport.Peer PEER = new BenchReport.Peer(null, "transformers.js", 512, 2024, 30.0, 60.0,
      35.3, 70.0, 155.0);

  private static List<String> paths(JsonNode node, String at) {
    List<String> paths = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isObject()) {
        paths.addAll(paths(e.getValue(), at + "/" + e.getKey()));
      } else {
        paths.add(at + "/" + e.getKey());
      }
    });
    return paths;
  }

  @Test
  void jsonHasTheBenchKeysInTheirOrder() {
    JsonNode json = Json.MAPPER.valueToTree(report(PEER));
    assertThat(paths(json, "")).containsExactly(
        "/titles", "/model",
        "/encoder/single_p50_ms", "/encoder/single_p99_ms", "/encoder/batch_titles_per_s",
        "/classify/single_p50_ms", "/classify/single_p99_ms", "/classify/batch_titles_per_s",
        "/http/single_p50_ms", "/http/single_p99_ms", "/http/batch_titles_per_s", "/http/concurrent_clients",
        "/http/concurrent_single_titles_per_s",
        "/rounds",
        "/layers/encode_ms", "/layers/hnsw_ms", "/layers/vote_and_evidence_ms", "/layers/json_ms",
        "/layers/bare_http_ms", "/layers/bare_http_back_to_back_ms", "/layers/rest_of_http_ms", "/layers/answer_bytes",
        "/answer_cache/max_bytes", "/answer_cache/streams",
        "/hnsw/queries", "/hnsw/candidates", "/hnsw/recall_at_10", "/hnsw/recall_at_10_asking_10",
        "/hnsw/hnsw_p50_ms", "/hnsw/exact_p50_ms",
        "/candidates/store", "/candidates/count", "/candidates/queries", "/candidates/by_text_p50_ms", "/candidates/by_text_p99_ms",
        "/candidates/by_text_filtered_p50_ms", "/candidates/by_text_filtered_p99_ms", "/candidates/by_id_p50_ms",
        "/candidates/by_id_p99_ms", "/candidates/by_id_filtered_p50_ms", "/candidates/by_id_filtered_p99_ms",
        "/candidates/recall_at_10", "/candidates/recall_at_10_filtered",
        "/index/path", "/index/size_bytes", "/index/build_seconds",
        "/build/occupations", "/build/texts", "/build/encoding_seconds", "/build/build_seconds",
        "/build/build_vs_encoding",
        "/ratios/classify_single_p50_vs_encoder", "/ratios/classify_batch_vs_encoder",
        "/ratios/http_single_p50_vs_encoder", "/ratios/http_single_p50_vs_classify", "/ratios/http_batch_vs_encoder",
        "/ratios/http_batch_vs_classify", "/ratios/http_concurrent_vs_encoder_batch", "/ratios/build_vs_encoding",
        "/ratios/classify_single_p50_vs_peer", "/ratios/classify_batch_vs_peer_embedding",
        "/ratio_spreads/classify_single_p50_vs_encoder", "/ratio_spreads/http_single_p50_vs_encoder",
        "/hnsw_recall_at_10",
        "/peer/peer", "/peer/max_length", "/peer/titles", "/peer/embed_single_p50_ms", "/peer/embed_single_p99_ms",
        "/peer/classify_single_p50_ms", "/peer/classify_single_p99_ms", "/peer/embed_batch32_titles_per_s",
        "/peak_heap_bytes");
    assertThat(json.at("/ratios/classify_single_p50_vs_encoder").asDouble()).isEqualTo(1.284);
    assertThat(json.at("/ratios/classify_single_p50_vs_peer").asDouble()).isEqualTo(0.154);
    assertThat(json.at("/candidates/by_id_filtered_p99_ms").asDouble()).isEqualTo(0.9);
    assertThat(json.at("/answer_cache/streams/1/hit_rate").asDouble()).isEqualTo(0.556);
    assertThat(json.at("/answer_cache/streams/1/on_vs_encoder_batch").asDouble()).isEqualTo(1.703);
  }

  @Test
  void theTableGivesEachRatiosSpreadAndWhereATitlesTimeGoes() {
    assertThat(BenchTable.render(report(null)))
        .contains("p50 1.28× (1.20–1.31) encoder")
        .contains("p50 1.66× (1.55–1.70) encoder")
        .contains("one title over HTTP, p50 ms: encode 4.23, HNSW 0.80, vote and evidence 0.40, JSON 0.12, bare HTTP "
            + "round trip 0.90 (0.31 back to back), rest of HTTP 0.59; answer 3,456 bytes");
  }

  @Test
  void theTableHasALinePerCacheStream() {
    assertThat(BenchTable.render(report(null)))
        .contains("answer cache, distinct stream                                358.0  0.77× encoder batch; "
            + "2,024 titles, 2,024 distinct, 0% hits; uncached 361.0/s")
        .contains("answer cache, repeated stream                                790.0  1.70× encoder batch; "
            + "4,467 titles, 1,981 distinct, 56% hits; uncached 361.0/s");
  }

  @Test
  void withoutCandidatesOrPeerThoseAreLeftOut() {
    BenchReport full = report(null);
    BenchReport bare = new BenchReport(full.titles(), full.model(), full.encoder(), full.classify(), full.http(),
        full.rounds(), full.layers(), full.answerCache(), full.hnsw(), null, full.index(), full.build(), full.ratios(),
        full.ratioSpreads(), full.hnswRecallAt10(), null,
        full.peakHeapBytes());
    JsonNode json = Json.MAPPER.valueToTree(bare);
    assertThat(json.has("candidates")).isFalse();
    assertThat(json.has("peer")).isFalse();
    assertThat(json.get("ratios").has("classify_single_p50_vs_peer")).isFalse();
    assertThat(BenchTable.render(bare)).doesNotContain("candidate search").doesNotContain("peer");
  }

  @Test
  void aSkippedPeerSaysWhyAndGivesNoRatio() throws Exception {
    BenchReport.Peer skipped = BenchReport.Peer.skipped("node and npm are needed to run the peer");
    JsonNode json = Json.MAPPER.valueToTree(report(skipped));
    assertThat(paths(json.get("peer"), "")).containsExactly("/skipped");
    assertThat(json.get("ratios").has("classify_single_p50_vs_peer")).isFalse();
    assertThat(BenchTable.render(report(skipped))).contains("peer: skipped (node and npm are needed to run the peer)");
  }

  @Test
  void thePeersOwnJsonReadsBack() throws Exception {
    String script = "{\"peer\": \"transformers.js\", \"max_length\": 512, \"titles\": 2024, \"embed_single_p50_ms\": 30,"
        + " \"embed_single_p99_ms\": 60, \"classify_single_p50_ms\": 35.3, \"classify_single_p99_ms\": 70,"
        + " \"embed_batch32_titles_per_s\": 155}";
    assertThat(Json.MAPPER.readValue(script, BenchReport.Peer.class)).isEqualTo(PEER);
  }

  @Test
  void theTableRendersTheFields() {
    String table = BenchTable.render(report(PEER));
    assertThat(table).contains("jobcode bench: model e5-small-v2-q, 2,024 titles")
        .contains("classify in-process                     5.43      9.52       361.0  p50 1.28× (1.20–1.31) encoder; batch 0.78× encoder")
        .contains("HTTP /v1/classify, 16 clients")
        .contains("HNSW recall@10 vs exact search: 0.994 at 300 candidates (0.950 asking 10); p50 0.80 ms vs exact 12.50 ms")
        .contains("candidate search, 10,000 CVs in index/candidates, k 10 (p50/p99 ms): by text 20.0/30.0, filtered "
            + "21.0/31.0; by id 1.00/2.00, filtered 0.50/0.90; recall@10 vs exact 0.995, filtered 0.990")
        .contains("index build, 150 occupations (7,000 texts): 10.8 s vs 10.0 s pure encoding = 1.08×")
        .contains("index on disk: 130.0 MB (built in 431.0 s); peak heap 321 MB")
        .contains("jobcode classify p50 0.154× the peer's, batch classify 2.33× the peer's batch embedding");
  }
}
