package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the PyTorch engine's files need, told before any engine starts (no PyTorch on this classpath). */
class ModelFilesTest {
  @TempDir
  Path models;

  @Test
  void theInt8ModelsRunOnOnnxRuntimeOnlyAndTheRefusalNamesTheModelsPyTorchRuns() {
    assertThat(ModelSpec.E5_SMALL_V2_Q.runsOn(ModelEngine.PYTORCH)).isFalse();
    assertThat(ModelSpec.E5_SMALL_V2_Q.runsOn(ModelEngine.ONNXRUNTIME)).isTrue();
    assertThat(ModelSpec.ids(ModelEngine.PYTORCH)).isEqualTo("all-minilm-l6-v2, e5-small-v2, bge-small-en-v1.5");
    assertThatThrownBy(() -> ModelFiles.resolve(ModelSpec.E5_SMALL_V2_Q, ModelEngine.PYTORCH, models))
        .isInstanceOf(EncoderException.class)
        .hasMessage("the pytorch engine does not run e5-small-v2-q (it runs all-minilm-l6-v2, e5-small-v2, "
            + "bge-small-en-v1.5): use --engine onnxruntime, or an index built with one of those");
  }

  @Test
  void aMissingTorchScriptFileSaysWhichCommandMakesIt() {
    assertThatThrownBy(() -> ModelFiles.resolve(ModelSpec.ALL_MINILM_L6_V2, ModelEngine.PYTORCH, models))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("tools/torchscript --models " + models + " all-minilm-l6-v2");
  }

  @Test
  void aTorchScriptFileThatIsNotThePinnedOneIsRefused() throws Exception {
    Path pt = Files.createDirectories(models.resolve("all-minilm-l6-v2")).resolve(ModelFiles.TORCHSCRIPT_FILE);
    Files.writeString(pt, "not a model");
    assertThatThrownBy(() -> ModelFiles.resolve(ModelSpec.ALL_MINILM_L6_V2, ModelEngine.PYTORCH, models))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("expected " + ModelSpec.ALL_MINILM_L6_V2.torchScriptSha256())
        .hasMessageContaining("make it again with tools/torchscript all-minilm-l6-v2");
  }

  @Test
  void engineNamesAreTheCommandLinesOnes() {
    assertThat(ModelEngine.ids()).isEqualTo("onnxruntime, pytorch");
    assertThat(ModelEngine.byId("pytorch")).contains(ModelEngine.PYTORCH);
    assertThat(ModelEngine.byId("PyTorch")).isEmpty();
    assertThat(ModelEngine.DEFAULT).isEqualTo(ModelEngine.ONNXRUNTIME);
  }

  @Test
  void aFileThatPassedIsNotHashedAgainUntilItChanges() throws Exception {
    Path file = checkedFile("weights, version one");
    String sha = ModelFiles.sha256(file);
    Path stamp = ModelFiles.stampOf(file);
    assertThat(Files.readString(stamp)).startsWith(sha + " " + Files.size(file) + " ");

    // A stamp of the same size and time is trusted: proof that the file was not read again.
    Files.writeString(stamp, Files.readString(stamp).replace(sha, "0".repeat(64)));
    ModelFiles.checkSha256(file, "0".repeat(64), "the test");
    Files.writeString(stamp, Files.readString(stamp).replace("0".repeat(64), sha));

    // Contents of the same size, written later: hashed again, and refused.
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, "weights, version two");
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 60_000));
    assertThatThrownBy(() -> ModelFiles.checkSha256(file, sha, "the test"))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("expected " + sha + " for the test");

    // Another size, with the old time: hashed again, and refused.
    Files.writeString(file, "weights, version three");
    Files.setLastModifiedTime(file, before);
    assertThatThrownBy(() -> ModelFiles.checkSha256(file, sha, "the test")).isInstanceOf(EncoderException.class);
  }

  @Test
  void aStampOfAnotherPinnedHashDoesNotCount() throws Exception {
    Path file = checkedFile("weights");
    String sha = ModelFiles.sha256(file);
    String pinnedNow = "f".repeat(64);
    assertThatThrownBy(() -> ModelFiles.checkSha256(file, pinnedNow, "the test"))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("has sha256 " + sha);
  }

  /** A model file of {@code contents} that passed its check, so it has a stamp. */
  private Path checkedFile(String contents) throws Exception {
    Path file = Files.writeString(models.resolve("model.onnx"), contents);
    ModelFiles.checkSha256(file, ModelFiles.sha256(file), "the test");
    return file;
  }
}
