package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.json.Json;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobcode eval} on small slices of the real dev sets: the report's shape and bounds. */
class EvalIT {
  @TempDir
  Path tmp;

  private JsonNode eval(String set, String... extra) throws IOException {
    Path out = tmp.resolve(set + ".json");
    String[] base = {"eval", "--index", RealData.index().toString(), "--models", RealData.home().resolve("models").toString(),
        "--set", RealData.home().resolve("../shared/data/eval/" + set).normalize().toString(), "--limit", "60",
        "--out", out.toString()};
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("top-1");
    return Json.MAPPER.readTree(out.toFile());
  }

  @Test
  void socLabelledSetIsScoredAtSocAndMajorLevel() throws IOException {
    JsonNode r = eval("h1b-titles-soc.tsv");
    assertThat(r.get("n").asInt()).isEqualTo(60);
    assertThat(r.has("onet")).isFalse();
    for (String level : new String[] {"soc", "major"}) {
      double top1 = r.at("/" + level + "/top1").asDouble();
      double top3 = r.at("/" + level + "/top3").asDouble();
      double top5 = r.at("/" + level + "/top5").asDouble();
      assertThat(top1).isBetween(0.0, 1.0);
      assertThat(top3).isBetween(top1, 1.0);
      assertThat(top5).isBetween(top3, 1.0);
    }
    assertThat(r.at("/major/top1").asDouble()).isGreaterThanOrEqualTo(r.at("/soc/top1").asDouble()).isGreaterThan(0.3);
    assertThat(r.at("/unique/n").asInt()).isBetween(1, 60);
    assertThat(r.get("per_major_group").size()).isPositive();
    assertThat(r.get("model").asText()).isEqualTo(ModelSpec.DEFAULT_ID);
  }

  @Test
  void onetLabelledSetIsScoredAtEveryLevel() throws IOException {
    JsonNode r = eval("vacancy-titles-onet.tsv", "--mode", "similarity", "--level", "major");
    assertThat(r.at("/onet/top5").asDouble()).isLessThanOrEqualTo(r.at("/soc/top5").asDouble());
    assertThat(r.at("/soc/top5").asDouble()).isLessThanOrEqualTo(r.at("/major/top5").asDouble());
    assertThat(r.get("primary_level").asText()).isEqualTo("major");
    assertThat(r.get("mode").asText()).isEqualTo("similarity");
  }
}
