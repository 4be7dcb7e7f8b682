package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.OnetReleases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyCommandTest {
  @TempDir
  Path tmp;

  @Test
  void diffPrintsTheCountsAndTheChangesAndWritesTheJson() throws IOException {
    Path json = tmp.resolve("out/changes.json");
    CliRun r = CliRun.of("taxonomy", "diff", OnetReleases.older(tmp).toString(), OnetReleases.newer(tmp).toString(),
        "--out", json.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("O*NET-SOC 98.1 → O*NET-SOC 98.2: 4 → 4 occupations\n")
        .contains("  added 1, removed 1, retitled 1, redescribed 1, alternate titles or tasks changed 1 (2 kept "
            + "occupations changed in any way)\n")
        .contains("  alternate titles +1 -1, tasks +1 -1 (in kept occupations)\n")
        .contains("added (1):\n  53-3032.00  Heavy and Tractor-Trailer Truck Drivers\n")
        .contains("removed (1):\n  47-2111.00  Electricians\n")
        .contains("retitled (1):\n  15-1252.00  Software Developers → Software Engineers\n")
        .contains("redescribed (1):\n  29-1141.00  Registered Nurses\n")
        .contains("  15-1252.00  Software Engineers: alternate titles +1 -1, tasks +1 -1\n");
    assertThat(r.err()).contains("wrote " + json);
    JsonNode written = Json.MAPPER.readTree(json.toFile());
    assertThat(written.at("/counts/retitled").asInt()).isEqualTo(1);
    assertThat(written.at("/texts/0/tasks_added/0").asText()).isEqualTo("Review code changes.");
    try (var files = Files.list(json.getParent())) {
      assertThat(files).as("no temporary file left").containsExactly(json);
    }
  }

  @Test
  void limitCutsEachListAndSaysSo() {
    CliRun r = CliRun.of("taxonomy", "diff", "--limit", "0", OnetReleases.older(tmp).toString(),
        OnetReleases.newer(tmp).toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("added (1), the first 0:\n").doesNotContain("53-3032.00");
    assertThat(r.out()).contains("major groups, most moved first (4), the first 0:\n");
  }

  @Test
  void jsonPrintsTheWholeDiff() throws IOException {
    CliRun r = CliRun.of("taxonomy", "diff", "--json", OnetReleases.newer(tmp).toString(),
        OnetReleases.older(tmp).toString());

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.at("/from/version").asText()).isEqualTo("98.2");
    assertThat(json.at("/added/0/code").asText()).isEqualTo("47-2111.00");
  }

  @Test
  void aFolderThatIsNoReleaseOrABadLimitIsOneClearLine() {
    CliRun none = CliRun.of("taxonomy", "diff", tmp.toString(), OnetReleases.newer(tmp).toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err().strip()).isEqualTo("jobcode: " + tmp
        + " is neither a jobcode index (no meta.json) nor an O*NET text database folder (no 'Occupation Data.txt')");

    CliRun limit = CliRun.of("taxonomy", "diff", "--limit", "-1", tmp.toString(), tmp.toString());
    assertThat(limit.exit()).isEqualTo(2);
    assertThat(limit.err().strip()).isEqualTo("jobcode: --limit must be 0 or more, got -1");

    CliRun missing = CliRun.of("taxonomy", "diff", tmp.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required parameter: 'NEW'");
  }
}
