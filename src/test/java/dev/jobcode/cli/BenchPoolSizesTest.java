package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bench --pool-sizes}: its usage errors, and one small run from the command line. */
class BenchPoolSizesTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"0", "abc", "-5", "", " ", "10000,,100000", "10000,-1", "1.5", "99999999999"})
  void aBadSizeIsBadUsageSaidInOneLine(String sizes) {
    CliRun r = CliRun.of("bench", "--pool-sizes", sizes, "--pool", Fixtures.pool().dir().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("jobcode: --pool-sizes").hasLineCount(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void sizesAreTakenInOrderOfSizeEachOnce() {
    assertThat(BenchCommand.poolSizes("100000, 10000,10000")).containsExactly(10_000, 100_000);
  }

  @Test
  void withoutAPoolItSaysWhereItLookedAndWhatToGive() {
    CliRun r = CliRun.of("bench", "--pool-sizes", "1000", "--pool", tmp.resolve("none").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("jobcode: --pool-sizes copies the vectors of a candidate pool, and there is none at "
        + tmp.resolve("none") + ": name one with --pool DIR%n".formatted());
  }

  @Test
  void itRunsAloneNotWithTheOtherMeasurements() {
    CliRun r = CliRun.of("bench", "--pool-sizes", "1000", "--quick", "--pool", Fixtures.pool().dir().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("jobcode: --pool-sizes is a measurement of its own");
  }

  @Test
  void aBadSigmaIsBadUsage() {
    CliRun r = CliRun.of("bench", "--pool-sizes", "1000", "--pool-sigma", "-0.1", "--pool",
        Fixtures.pool().dir().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("jobcode: --pool-sigma must be a positive number, got -0.1%n".formatted());
  }

  @Test
  void itPrintsTheTableAndWritesTheJsonWithoutAModel() throws IOException {
    Path out = tmp.resolve("pool-sizes.json");
    CliRun r = CliRun.of("bench", "--pool-sizes", "400", "--pool", Fixtures.pool().dir().toString(),
        "--index", tmp.resolve("no-index").toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("candidate search as the pool grows", "perturbed with Gaussian noise (sigma 0.018")
        .contains("JSON: " + out);
    assertThat(r.err()).contains("jobcode: float32, 400 vectors: built in");
    JsonNode json = Json.MAPPER.readTree(out.toFile());
    assertThat(json.at("/rows").size()).isEqualTo(2);
    assertThat(json.at("/rows/1/format").asText()).isEqualTo("int8");
    assertThat(json.at("/sources").asInt()).isEqualTo(Fixtures.FIXTURE_CVS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"float16", "", "float32,float32", "int8,"})
  void aBadFormatIsBadUsageSaidInOneLine(String formats) {
    CliRun r = CliRun.of("bench", "--pool-sizes", "400", "--pool-formats", formats, "--pool",
        Fixtures.pool().dir().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("jobcode: --pool-formats: ").hasLineCount(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void formatsWithoutSizesAreBadUsage() {
    CliRun r = CliRun.of("bench", "--pool-formats", "int8", "--pool", Fixtures.pool().dir().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("jobcode: --pool-formats goes with --pool-sizes%n".formatted());
  }

  @Test
  void oneFormatAloneIsBuiltAndSearched() throws IOException {
    Path out = tmp.resolve("int8.json");
    CliRun r = CliRun.of("bench", "--pool-sizes", "300", "--pool-formats", "int8", "--pool",
        Fixtures.pool().dir().toString(), "--index", tmp.resolve("no-index").toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("jobcode: int8, 300 vectors: built in").doesNotContain("float32");
    JsonNode json = Json.MAPPER.readTree(out.toFile());
    assertThat(json.at("/rows").size()).isEqualTo(1);
    assertThat(json.at("/rows/0/format").asText()).isEqualTo("int8");
  }
}
