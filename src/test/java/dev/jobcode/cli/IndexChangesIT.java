package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.json.Json;
import dev.jobcode.testing.OnetReleases;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index --previous}: a rebuild in place says, and writes beside the index, what the new release changed. */
class IndexChangesIT {
  @TempDir
  Path tmp;

  private CliRun index(Path onet, Path out, String... more) {
    String[] args = {"index", "--onet", onet.toString(), "--models", RealData.home().resolve("models").toString(),
        "--out", out.toString()};
    return CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
        .toArray(String[]::new));
  }

  @Test
  void aRebuildInPlaceWithPreviousPrintsAndWritesWhatChanged() throws IOException {
    Path idx = tmp.resolve("idx");
    assertThat(index(OnetReleases.older(tmp), idx).exit()).isZero();
    assertThat(idx.resolve(IndexCommand.CHANGES_FILE)).doesNotExist();

    CliRun r = index(OnetReleases.newer(tmp), idx, "--previous", idx.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(IndexMeta.read(idx).taxonomy().version()).isEqualTo("98.2");
    assertThat(r.out()).startsWith("O*NET-SOC 98.1 → O*NET-SOC 98.2: 4 → 4 occupations\n")
        .contains("retitled (1):\n  15-1252.00  Software Developers → Software Engineers\n");
    assertThat(r.err()).contains("what changed since " + idx + " is in " + idx.resolve(IndexCommand.CHANGES_FILE));
    JsonNode changes = Json.MAPPER.readTree(idx.resolve(IndexCommand.CHANGES_FILE).toFile());
    assertThat(changes.at("/counts/added").asInt()).isEqualTo(1);
    assertThat(changes.at("/texts/0/alternate_titles_removed/0").asText()).isEqualTo("Coder");
  }

  @Test
  void aPreviousThatIsNoReleaseFailsBeforeTheBuildAndLeavesTheIndexAlone() throws IOException {
    Path idx = tmp.resolve("idx");
    assertThat(index(OnetReleases.older(tmp), idx).exit()).isZero();

    CliRun r = index(OnetReleases.newer(tmp), idx, "--previous", tmp.resolve("nothing").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("is neither a jobcode index").doesNotContain("encoding").doesNotContain("Exception");
    assertThat(IndexMeta.read(idx).taxonomy().version()).isEqualTo("98.1");
    try (var files = Files.list(idx)) {
      assertThat(files).noneMatch(f -> f.getFileName().toString().startsWith("changes"));
    }
  }
}
