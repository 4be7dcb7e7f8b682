package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOptionsTest {
  @TempDir
  Path tmp;

  @Test
  void noneIsTheVoteAlone() {
    assertThat(EngineOptions.reranker(EngineOptions.NONE, "e5-small-v2-q")).isEmpty();
  }

  @Test
  void theShippedReRankerOfTheDefaultModelLoads() {
    assertThat(EngineOptions.reranker(EngineOptions.SHIPPED, "e5-small-v2-q")).hasValueSatisfying(
        r -> assertThat(r.sha256()).hasSize(64));
  }

  @Test
  void aModelWithoutOneOrAMissingOrForeignFileIsAClearUsageError() throws IOException {
    assertThatThrownBy(() -> EngineOptions.reranker(EngineOptions.SHIPPED, "bge-small-en-v1.5"))
        .isInstanceOf(Main.UsageException.class).hasMessageContaining("ships no re-ranker for the model 'bge-small-en-v1.5'")
        .hasMessageContaining("jobcode rerank train");
    assertThatThrownBy(() -> EngineOptions.reranker(tmp.resolve("nope.ubj").toString(), "e5-small-v2-q"))
        .isInstanceOf(Main.UsageException.class).hasMessageContaining("no such file");
    Path junk = Files.writeString(tmp.resolve("junk.ubj"), "{}");
    assertThatThrownBy(() -> EngineOptions.reranker(junk.toString(), "e5-small-v2-q"))
        .isInstanceOf(Main.UsageException.class).hasMessageContaining(junk.toString())
        .hasMessageContaining("is not an XGBoost model");
  }
}
