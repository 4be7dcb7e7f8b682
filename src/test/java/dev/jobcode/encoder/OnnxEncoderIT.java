package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.testing.RealData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class OnnxEncoderIT {
  private final Encoder encoder = RealData.minilm();

  @Test
  void knownAnswerVectorForRegisteredNurse() {
    float[] v = encoder.encode("Registered Nurse");
    assertThat(v).hasSize(384);
    // Reference: transformers.js 4.3.1 on the same fp32 ONNX file, pooling "mean", normalize true.
    float[] expected = {-0.095145f, -0.100551f, -0.036645f, 0.068985f, -0.037971f, 0.062100f, 0.049207f, -0.004561f};
    for (int i = 0; i < expected.length; i++) {
      assertThat(v[i]).as("component %d", i).isCloseTo(expected[i], within(1e-4f));
    }
    assertThat(VectorUtil.dotProduct(v, v)).isCloseTo(1f, within(1e-5f));
    assertThat(System.getProperty("ai.djl.offline")).as("set by the encoder itself, not by a launcher").isEqualTo("true");
  }

  @Test
  void knownAnswersForTwoMoreTitlesAndTheirCosine() {
    List<float[]> v = encoder.encode(List.of("Electrician", "Senior Software Engineer", "Registered Nurse"));
    // Same reference as above.
    float[] electrician = {-0.068585f, 0.042718f, 0.033575f, 0.035154f, -0.055783f, -0.118184f, 0.096300f, 0.001225f};
    float[] engineer = {-0.042391f, 0.060081f, 0.008971f, -0.022530f, -0.029615f, -0.106967f, 0.015991f, 0.058625f};
    for (int i = 0; i < 8; i++) {
      assertThat(v.get(0)[i]).isCloseTo(electrician[i], within(1e-4f));
      assertThat(v.get(1)[i]).isCloseTo(engineer[i], within(1e-4f));
    }
    assertThat(VectorUtil.dotProduct(v.get(2), v.get(0))).isCloseTo(0.309136f, within(1e-4f));
  }

  /**
   * The default model, e5-small-v2-q, with its {@code "query: "} prefix added by the encoder.
   * Reference: transformers.js 4.3.1 on the same int8 ONNX file (sha256 7d9092cb…), each text alone
   * (int8 vectors shift slightly with padding), pooling "mean", normalize true, of
   * "query: Registered Nurse", "query: Electrician" and "query: Senior Software Engineer".
   */
  @Test
  void knownAnswersForTheDefaultModelWithItsQueryPrefix() {
    Encoder e5 = RealData.encoder();
    assertThat(e5.model().id()).isEqualTo(ModelSpec.DEFAULT_ID);
    float[][] expected = {
        {-0.069924f, -0.002929f, 0.022949f, 0.029622f, -0.029104f, 0.021560f, 0.057047f, -0.031752f},
        {-0.073266f, 0.033877f, 0.030938f, 0.011669f, -0.064290f, 0.001359f, 0.082859f, -0.070544f},
        {-0.103396f, 0.035883f, 0.045387f, -0.075392f, -0.030774f, -0.021506f, 0.038028f, -0.077906f}};
    String[] titles = {"Registered Nurse", "Electrician", "Senior Software Engineer"};
    float[][] vectors = new float[titles.length][];
    for (int t = 0; t < titles.length; t++) {
      vectors[t] = e5.encode(titles[t]);
      assertThat(vectors[t]).hasSize(384);
      for (int i = 0; i < 8; i++) {
        assertThat(vectors[t][i]).as("%s, component %d", titles[t], i).isCloseTo(expected[t][i], within(1e-4f));
      }
    }
    assertThat(VectorUtil.dotProduct(vectors[0], vectors[1])).isCloseTo(0.840564f, within(1e-4f));
  }

  @Test
  void relatedTitlesAreCloserThanUnrelatedOnes() {
    List<float[]> v = encoder.encode(List.of("Registered Nurse", "ICU Nurse", "Electrician"));
    assertThat(VectorUtil.dotProduct(v.get(0), v.get(1))).isGreaterThan(VectorUtil.dotProduct(v.get(0), v.get(2)) + 0.2f);
  }

  @Test
  void batchingAndPaddingDoNotChangeVectors() {
    float[] alone = encoder.encode("Electrician");
    float[] batched = encoder.encode(List.of("a much longer text that forces padding of the short one", "Electrician")).get(1);
    assertThat(VectorUtil.dotProduct(alone, batched)).isGreaterThan(0.99999f);
  }

  @Test
  void longTextsAreEncodedInWindowsNotTruncated() {
    String head = "Install and repair electrical wiring in buildings. ".repeat(40);   // ~ 360 tokens
    String tail = "Prepare meals and manage the restaurant kitchen staff. ".repeat(40);
    float[] whole = encoder.encode(head + tail);
    float[] headOnly = encoder.encode(head);
    float[] tailOnly = encoder.encode(tail);
    assertThat(VectorUtil.dotProduct(whole, whole)).isCloseTo(1f, within(1e-5f));
    // Truncation at the window would make the whole text look like its head alone.
    assertThat(VectorUtil.dotProduct(whole, tailOnly)).isGreaterThan(0.5f);
    assertThat(VectorUtil.dotProduct(whole, headOnly)).isLessThan(0.95f);
  }

  @Test
  void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
    List<String> texts = List.of("Chef", "Nurse", "Welder", "Data Scientist", "Truck Driver", "Pilot");
    List<float[]> expected = encoder.encode(texts);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String t : texts) {
          futures.add(pool.submit(() -> encoder.encode(t)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(VectorUtil.dotProduct(futures.get(i).get(), expected.get(i % texts.size()))).isGreaterThan(0.99999f);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
