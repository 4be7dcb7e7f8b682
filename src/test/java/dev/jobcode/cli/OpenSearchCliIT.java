package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.OpenSearchCluster;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidates commands on an OpenSearch cluster: a pool moved from the embedded store and back
 * with its vectors unchanged, listed, searched and changed, CVs added with encoding, and a
 * re-encoding that swaps the pool's alias.
 */
class OpenSearchCliIT {
  @TempDir
  Path tmp;

  private static String[] on(String index, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--candidates", "opensearch", "--opensearch-url", OpenSearchCluster.shared().urlList(),
        "--opensearch-index", index));
    return all.toArray(String[]::new);
  }

  private static String index() {
    return RealData.index().toString();
  }

  private static String models() {
    return RealData.home().resolve("models").toString();
  }

  @Test
  void aPoolMovesToOpenSearchAndBackWithItsVectors() throws IOException {
    RealData.pool();
    Path exported = tmp.resolve("pool.jsonl");
    CliRun export = CliRun.of("candidates", "export", "--pool", RealData.poolDir().toString(), "--out", exported.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.err()).contains("exported 600 CVs");

    CliRun in = CliRun.of(on("it-cli", "candidates", "import", exported.toString()));
    assertThat(in.exit()).as(in.err()).isZero();
    assertThat(in.err()).contains("imported 600 of 600 CVs").contains("/it-cli");
    CliRun again = CliRun.of(on("it-cli", "candidates", "import", exported.toString()));
    assertThat(again.exit()).isNotZero();
    assertThat(again.err()).contains("holds 600 CVs").contains("--opensearch-index");

    CliRun list = CliRun.of(on("it-cli", "candidates", "list"));
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains("600 CVs");

    String id = RealData.pool().list().get(0).id();
    CliRun search = CliRun.of(on("it-cli", "candidates", "search", "--index", index(), "--models", models(), "--id", id,
        "-k", "3", "--json"));
    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(Json.MAPPER.readTree(search.out()).path("results")).hasSize(3);

    Path back = tmp.resolve("back.jsonl");
    CliRun out = CliRun.of(on("it-cli", "candidates", "export", "--out", back.toString()));
    assertThat(out.exit()).as(out.err()).isZero();
    assertThat(linesAfterHeader(back)).as("the same CVs with the same vectors, in the same order")
        .isEqualTo(linesAfterHeader(exported));

    CliRun delete = CliRun.of(on("it-cli", "candidates", "delete", id, "no-such-cv"));
    assertThat(delete.exit()).as("an id not found is exit 1").isEqualTo(1);
    assertThat(delete.out()).contains(id + "\tdeleted at");
    assertThat(delete.err()).contains("no-such-cv: not in the pool");
    assertThat(CliRun.of(on("it-cli", "candidates", "list")).out()).contains("599 CVs");
  }

  @Test
  void cvsAreAddedWithEncodingAndReencodedIntoANewIndexBehindTheAlias() throws IOException {
    Path cvs = tmp.resolve("cvs.jsonl");
    StringBuilder jsonl = new StringBuilder();
    for (var cv : RealData.generatedCvs(3)) {
      jsonl.append(Json.MAPPER.writeValueAsString(cv)).append('\n');
    }
    Files.writeString(cvs, jsonl);
    CliRun add = CliRun.of(on("it-reencode", "candidates", "add", "--index", index(), "--models", models(),
        cvs.toString()));
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.err()).contains("3 added");
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    String before = cluster.get("/_alias/it-reencode").fieldNames().next();

    CliRun reencode = CliRun.of(on("it-reencode", "candidates", "reencode", "--index", index(), "--models", models()));
    assertThat(reencode.exit()).as(reencode.err()).isZero();
    assertThat(reencode.err()).contains("re-encoded 3 CVs");
    JsonNode alias = cluster.get("/_alias/it-reencode");
    assertThat(alias.size()).isEqualTo(1);
    String after = alias.fieldNames().next();
    assertThat(after).isNotEqualTo(before).startsWith("it-reencode-");
    assertThat(cluster.get("/_cat/indices/" + before + "?format=json").path("status").asInt())
        .as("the old index is deleted").isEqualTo(404);
    assertThat(CliRun.of(on("it-reencode", "candidates", "list")).out()).contains("3 CVs");
  }

  private static List<String> linesAfterHeader(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size());
  }
}
