package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder's refusals that need no model run. */
class DjlEncoderTest {
  @TempDir
  Path dir;

  @Test
  void withoutPyTorchOnTheClasspathItSaysHowToGetIt() throws Exception {
    Path tokenizer = dir.resolve(ModelFiles.TOKENIZER_FILE);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelSpec.ALL_MINILM_L6_V2.tokenizerResource())) {
      Files.copy(in, tokenizer);
    }
    ModelFiles files = new ModelFiles(dir.resolve(ModelFiles.TORCHSCRIPT_FILE), tokenizer);
    // The unit tests' classpath never holds PyTorch: only -Ppytorch puts it on the *TorchIT tests' one.
    assertThatThrownBy(() -> DjlEncoder.open(ModelSpec.ALL_MINILM_L6_V2, ModelEngine.PYTORCH, files, 1))
        .isInstanceOf(EncoderException.class)
        .hasMessageStartingWith("the pytorch engine is not on the classpath: run through tools/jobcode, which adds "
            + "target/lib-pytorch when asked for --engine pytorch (built by 'mvn -Ppytorch package')");
  }

  @Test
  void aBrokenModelIsNamedWhateverTheTokenizer() throws Exception {
    Path tokenizer = Files.writeString(dir.resolve(ModelFiles.TOKENIZER_FILE), "{ not a tokenizer");
    Path model = Files.writeString(dir.resolve(ModelFiles.ONNX_FILE), "not a model either");
    assertThatThrownBy(() -> DjlEncoder.open(ModelSpec.E5_SMALL_V2_Q, ModelEngine.ONNXRUNTIME,
        new ModelFiles(model, tokenizer), 1))
        .isInstanceOf(EncoderException.class)
        .hasMessageContaining("failed to load model " + model + " on onnxruntime");
    copyTokenizer(tokenizer);
    assertThatThrownBy(() -> DjlEncoder.open(ModelSpec.E5_SMALL_V2_Q, ModelEngine.ONNXRUNTIME,
        new ModelFiles(model, tokenizer), 1))
        .isInstanceOf(EncoderException.class)
        .hasMessageStartingWith("failed to load model " + model + " on onnxruntime");
  }

  @Test
  void aBrokenTokenizerBesideAGoodModelIsNamed() throws Exception {
    Path tokenizer = Files.writeString(dir.resolve(ModelFiles.TOKENIZER_FILE), "{ not a tokenizer");
    ModelFiles real = ModelFiles.resolve(ModelSpec.E5_SMALL_V2_Q, dir.resolve("models"));
    assertThatThrownBy(() -> DjlEncoder.open(ModelSpec.E5_SMALL_V2_Q, ModelEngine.ONNXRUNTIME,
        new ModelFiles(real.model(), tokenizer), 1))
        .isInstanceOf(EncoderException.class)
        .hasMessageStartingWith("failed to load tokenizer " + tokenizer);
  }

  private void copyTokenizer(Path tokenizer) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ModelSpec.E5_SMALL_V2_Q.tokenizerResource())) {
      Files.copy(in, tokenizer, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
