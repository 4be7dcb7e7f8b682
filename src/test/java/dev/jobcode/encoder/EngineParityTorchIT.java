package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.taxonomy.OccupationText;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TextKind;
import dev.jobcode.testing.RealData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime and PyTorch give the same vectors for the same model: e5-small-v2 (fp32) on 200
 * O*NET 30.0 alternate titles and 20 long texts (an occupation's description and all its tasks,
 * several windows each), and all-MiniLM-L6-v2's published known answers on PyTorch. Runs with
 * -Ppytorch only (tools/test-pytorch), after tools/torchscript made the TorchScript files.
 */
class EngineParityTorchIT {
  static final float MIN_COSINE = 0.9999f;

  private static Encoder onnx;
  private static Encoder torch;

  @BeforeAll
  static void open() {
    onnx = RealData.open(ModelSpec.E5_SMALL_V2, ModelEngine.ONNXRUNTIME);
    torch = RealData.open(ModelSpec.E5_SMALL_V2, ModelEngine.PYTORCH);
  }

  @AfterAll
  static void close() {
    onnx.close();
    torch.close();
  }

  /** Every 200th-or-so alternate title of O*NET 30.0, in the taxonomy's order: 200 titles. */
  static List<String> titles() {
    List<String> all = taxonomy().texts().stream().filter(t -> t.kind() == TextKind.ALTERNATE_TITLE)
        .map(OccupationText::text).toList();
    List<String> picked = new ArrayList<>();
    for (int i = 0; picked.size() < 200; i++) {
      picked.add(all.get(i * (all.size() / 200)));
    }
    return picked;
  }

  /**
   * The descriptions and tasks of every 50th occupation and the one after it, as one text: 20 texts
   * the length of a long posting or CV, most longer than a window.
   */
  static List<String> longTexts() {
    Taxonomy onet = taxonomy();
    List<String> codes = List.copyOf(onet.occupations().keySet());
    List<String> texts = new ArrayList<>();
    for (int i = 0; texts.size() < 20; i++) {
      texts.add(describe(onet, codes.get(i * 50)) + " " + describe(onet, codes.get(i * 50 + 1)));
    }
    return texts;
  }

  private static String describe(Taxonomy onet, String code) {
    return onet.occupations().get(code).description() + " " + onet.texts().stream()
        .filter(t -> t.code().equals(code) && t.kind() == TextKind.TASK).map(OccupationText::text)
        .collect(Collectors.joining(" "));
  }

  private static Taxonomy taxonomy() {
    return OnetLoader.load(RealData.onet30(), Optional.empty());
  }

  @Test
  void twoHundredTitlesGetTheSameVectorsOnBothEngines() {
    assertThat(minCosine("titles", titles())).isGreaterThanOrEqualTo(MIN_COSINE);
  }

  @Test
  void twentyLongTextsGetTheSameVectorsOnBothEngines() {
    List<String> texts = longTexts();
    assertThat(texts.stream().filter(t -> t.split(" ").length > 400).count()).as("texts of several windows")
        .isGreaterThanOrEqualTo(10);
    assertThat(minCosine("long texts", texts)).isGreaterThanOrEqualTo(MIN_COSINE);
  }

  private static float minCosine(String what, List<String> texts) {
    List<float[]> a = onnx.encode(texts);
    List<float[]> b = torch.encode(texts);
    float min = 1;
    for (int i = 0; i < texts.size(); i++) {
      min = Math.min(min, VectorUtil.dotProduct(a.get(i), b.get(i)));
    }
    System.out.printf(Locale.ROOT, "EngineParityTorchIT: %s: min cosine ONNX Runtime vs PyTorch over %d: %.7f%n", what,
        texts.size(), min);
    return min;
  }

  @Test
  void theModelIsTheSameSoTheIndexIsServedByEither() {
    assertThat(torch.model()).isEqualTo(onnx.model());
    assertThat(torch.model().sameModelAs(onnx.model())).isTrue();
  }

  /** all-MiniLM-L6-v2 on PyTorch: the reference OnnxEncoderIT checks ONNX Runtime against (transformers.js 4.3.1). */
  @Test
  void miniLmOnPyTorchGivesThePublishedKnownAnswer() {
    try (Encoder minilm = RealData.open(ModelSpec.ALL_MINILM_L6_V2, ModelEngine.PYTORCH)) {
      float[] v = minilm.encode("Registered Nurse");
      float[] expected = {-0.095145f, -0.100551f, -0.036645f, 0.068985f, -0.037971f, 0.062100f, 0.049207f, -0.004561f};
      for (int i = 0; i < expected.length; i++) {
        assertThat(v[i]).as("component %d", i).isCloseTo(expected[i], within(1e-4f));
      }
    }
  }

  /** bge-small-en-v1.5 ([CLS] pooling) on both engines: the first 20 of the same titles. */
  @Test
  void bgeGetsTheSameVectorsOnBothEngines() {
    List<String> texts = titles().subList(0, 20);
    try (Encoder a = RealData.open(ModelSpec.BGE_SMALL_EN_V15, ModelEngine.ONNXRUNTIME);
         Encoder b = RealData.open(ModelSpec.BGE_SMALL_EN_V15, ModelEngine.PYTORCH)) {
      List<float[]> va = a.encode(texts);
      List<float[]> vb = b.encode(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(VectorUtil.dotProduct(va.get(i), vb.get(i))).as(texts.get(i)).isGreaterThanOrEqualTo(MIN_COSINE);
      }
    }
  }
}
