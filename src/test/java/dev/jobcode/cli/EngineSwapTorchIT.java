package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.RealData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index built with one engine is served by the other: the index records the model (id and ONNX
 * sha256), which both engines run with the same weights. A model the PyTorch engine does not run is
 * refused with a message that says what to do. Runs with -Ppytorch only (tools/test-pytorch).
 */
class EngineSwapTorchIT {
  private static final String[] TITLES = {"Registered Nurse", "ICU nurse", "web developer", "truck driver"};

  @TempDir
  Path tmp;

  private static String models() {
    return RealData.home().resolve("models").toString();
  }

  private Path index(String model, String engine) {
    Path out = tmp.resolve(model + "-" + engine);
    CliRun r = CliRun.of("index", "--onet", Fixtures.onetDir().toString(), "--model", model, "--engine", engine,
        "--models", models(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return out;
  }

  private static JsonNode classify(Path index, String engine) throws Exception {
    String[] args = {"classify", "--index", index.toString(), "--models", models(), "--engine", engine, "--json",
        "--mode", "similarity", "-k", "3"};
    String[] all = new String[args.length + TITLES.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(TITLES, 0, all, args.length, TITLES.length);
    CliRun r = CliRun.of(all);
    assertThat(r.exit()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out()).get("results");
  }

  /** Same codes in the same order, scores within 1e-4 (cosines of vectors that agree to 0.9999). */
  private static void assertSameAnswers(JsonNode a, JsonNode b) {
    assertThat(a.size()).isEqualTo(TITLES.length);
    for (int i = 0; i < TITLES.length; i++) {
      JsonNode ra = a.get(i).get("results");
      JsonNode rb = b.get(i).get("results");
      assertThat(rb.size()).isEqualTo(ra.size()).isEqualTo(3);
      for (int j = 0; j < ra.size(); j++) {
        assertThat(rb.get(j).get("code").asText()).as("%s #%d", TITLES[i], j).isEqualTo(ra.get(j).get("code").asText());
        assertThat(rb.get(j).get("score").asDouble()).as("%s #%d", TITLES[i], j)
            .isCloseTo(ra.get(j).get("score").asDouble(), within(1e-4));
      }
    }
  }

  @Test
  void anIndexBuiltOnOnnxRuntimeIsServedByPyTorchWithTheSameAnswers() throws Exception {
    Path index = index("e5-small-v2", "onnxruntime");
    JsonNode onnx = classify(index, "onnxruntime");
    assertThat(onnx.get(0).get("results").get(0).get("code").asText()).isEqualTo("29-1141.00");
    assertSameAnswers(onnx, classify(index, "pytorch"));
  }

  @Test
  void anIndexBuiltOnPyTorchIsServedByOnnxRuntimeWithTheSameAnswers() throws Exception {
    Path index = index("all-minilm-l6-v2", "pytorch");
    assertSameAnswers(classify(index, "pytorch"), classify(index, "onnxruntime"));
  }

  @Test
  void anInt8IndexOnPyTorchIsRefusedWithWhatToDo() {
    Path index = index("e5-small-v2-q", "onnxruntime");
    CliRun r = CliRun.of("classify", "--index", index.toString(), "--models", models(), "--engine", "pytorch", "Nurse");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(("jobcode: the pytorch engine does not run e5-small-v2-q (it runs all-minilm-l6-v2, "
        + "e5-small-v2, bge-small-en-v1.5): use --engine onnxruntime, or an index built with one of those%n").formatted());
  }
}
