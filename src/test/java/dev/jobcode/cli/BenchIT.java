package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.RealData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's short mode on the real index, so that it cannot rot: every figure is there. */
class BenchIT {
  @TempDir
  Path tmp;

  @Test
  void quickBenchReportsEveryFigureAndRatio() throws Exception {
    Path out = tmp.resolve("bench.json");
    RealData.pool();
    CliRun run = CliRun.of("bench", "--quick", "--index", RealData.index().toString(), "--pool",
        RealData.poolDir().toString(),
        "--models", RealData.home().resolve("models").toString(), "--onet", RealData.onet30().toString(),
        "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("encoder alone").contains("HNSW recall@10")
        .contains("index build").contains("candidate search").contains("JSON: " + out);
    JsonNode r = Json.MAPPER.readTree(out.toFile());
    assertThat(r.get("titles").asInt()).isEqualTo(256);
    for (String ratio : new String[] {"classify_batch_vs_encoder", "http_batch_vs_encoder", "http_single_p50_vs_encoder",
        "build_vs_encoding", "http_concurrent_vs_encoder_batch"}) {
      assertThat(r.at("/ratios/" + ratio).asDouble()).as(ratio).isPositive();
    }
    assertThat(r.get("hnsw_recall_at_10").asDouble()).isGreaterThan(0.95);
    assertThat(r.at("/encoder/batch_titles_per_s").asDouble()).isPositive();
    assertThat(r.at("/http/concurrent_single_titles_per_s").asDouble()).isPositive();
    assertThat(r.at("/candidates/by_id_filtered_p99_ms").asDouble()).isPositive();
    assertThat(r.at("/index/size_bytes").asLong()).isGreaterThan(1_000_000);
    assertThat(r.get("peak_heap_bytes").asLong()).isPositive();
  }
}
