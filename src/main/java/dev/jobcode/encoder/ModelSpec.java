package dev.jobcode.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A sentence-embedding model jobcode can load, pinned to a Maven Central artifact and a checksum.
 *
 * @param id short name, also the folder under {@code models/}
 * @param artifact {@code groupId:artifactId} of the Maven artifact that ships the files; its version
 *     is pom.xml's alone ({@link #coordinates()} reads it off the classpath)
 * @param onnxResource classpath name of the ONNX file inside that artifact
 * @param tokenizerResource classpath name of its {@code tokenizer.json}
 * @param sha256 checksum of the ONNX file; a different file is refused
 * @param torchScriptSha256 checksum of the TorchScript file {@code tools/torchscript} makes from that
 *     ONNX file, for the PyTorch engine; null when the model runs on ONNX Runtime only (the int8 ones,
 *     whose quantised operators have no plain BERT rebuild)
 * @param maxTokens the model's window, special tokens included; longer texts are split
 * @param queryPrefix text put before every input (e5 wants {@code "query: "}); empty for most
 * @param voteTemperature the softmax temperature the classifier's vote needs with this model:
 *     e5's and bge's cosine similarities sit in a narrow band and need a sharper one (0.03; 0.05 and
 *     0.10 measured worse) than MiniLM's (0.10; docs/ACCURACY.md)
 */
public record ModelSpec(String id, String artifact, String onnxResource, String tokenizerResource,
                        String sha256, String torchScriptSha256, int dimension, Pooling pooling, int maxTokens, String queryPrefix,
                        double voteTemperature) {

  /**
   * all-MiniLM-L6-v2: 384 dimensions, mean pooling, L2-normalised; trained on pairs of up to 128
   * tokens, used with windows of 256 (sentence-transformers' setting).
   */
  public static final ModelSpec ALL_MINILM_L6_V2 = langchain4j("all-minilm-l6-v2", "all-minilm-l6-v2",
      "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
      "080b27ba50a7f1d89e4c3b2c9701c43c147bb25b8c091b3eba3e87a6cf6cafa1", Pooling.MEAN, 256, "", 0.10);

  /** all-MiniLM-L6-v2 with int8 weights (dynamic quantisation): faster, vectors differ slightly. */
  public static final ModelSpec ALL_MINILM_L6_V2_Q = langchain4j("all-minilm-l6-v2-q", "all-minilm-l6-v2-q",
      "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1", null, Pooling.MEAN, 256, "", 0.10);

  /**
   * e5-small-v2: 384 dimensions, 12 layers, mean pooling; every text is prefixed with
   * {@code "query: "} (the E5 convention for symmetric tasks), window 512.
   */
  public static final ModelSpec E5_SMALL_V2 = langchain4j("e5-small-v2", "e5-small-v2",
      "b2a43b66f7f9b6f29643a21340ad7c03d2d91e6bd5d43429a77799a9ee880eb0",
      "b021112ab52b9190c19583af93079f338966c07ad4398455036929dc67678a69", Pooling.MEAN, 512, "query: ", 0.03);

  /** e5-small-v2 with int8 weights (dynamic quantisation, Xenova's export): faster, vectors differ slightly. */
  public static final ModelSpec E5_SMALL_V2_Q = langchain4j("e5-small-v2-q", "e5-small-v2-q",
      "7d9092cb25f2bd1c023b7e8d2aa459044a02030ac880e5a59fdaf27af69f1ded", null, Pooling.MEAN, 512, "query: ", 0.03);

  /** bge-small-en-v1.5: 384 dimensions, 12 layers, [CLS] pooling, window 512. */
  public static final ModelSpec BGE_SMALL_EN_V15 = langchain4j("bge-small-en-v1.5", "bge-small-en-v15",
      "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35",
      "9eb7d0f0e94b486de959a811270dccd4f96485e9a6b7978211219cdd4a381bb1", Pooling.CLS, 512, "", 0.03);

  /**
   * A model from the langchain4j embeddings artifacts on Maven Central, which ship
   * {@code <id>.onnx} and {@code <id>-tokenizer.json} in {@code langchain4j-embeddings-<name>}; all
   * of them are 384-dimensional.
   */
  private static ModelSpec langchain4j(String id, String artifactName, String sha256, String torchScriptSha256,
                                       Pooling pooling, int maxTokens, String queryPrefix, double voteTemperature) {
    return new ModelSpec(id, "dev.langchain4j:langchain4j-embeddings-" + artifactName, id + ".onnx", id + "-tokenizer.json",
        sha256, torchScriptSha256, 384, pooling, maxTokens, queryPrefix, voteTemperature);
  }

  public static final List<ModelSpec> KNOWN = List.of(ALL_MINILM_L6_V2, ALL_MINILM_L6_V2_Q, E5_SMALL_V2, E5_SMALL_V2_Q,
      BGE_SMALL_EN_V15);

  /**
   * The model {@code jobcode index} uses unless told otherwise. e5-small-v2 measured best on the dev
   * sets (docs/ACCURACY.md); its int8 weights score the same to within 0.4 points on every set and
   * encode about three times as fast.
   */
  public static final String DEFAULT_ID = "e5-small-v2-q";

  public static final ModelSpec DEFAULT = byId(DEFAULT_ID).orElseThrow();

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    if (maxTokens < 8) {
      throw new IllegalArgumentException("maxTokens too small: " + maxTokens);
    }
    if (!(voteTemperature > 0)) {
      throw new IllegalArgumentException("voteTemperature must be positive: " + voteTemperature);
    }
  }

  /** True when the PyTorch engine can run it: a TorchScript rebuild of its ONNX file is pinned. */
  public boolean runsOn(ModelEngine engine) {
    return engine == ModelEngine.ONNXRUNTIME || torchScriptSha256 != null;
  }

  /** The ids of the models {@code engine} runs, for messages. */
  public static String ids(ModelEngine engine) {
    return String.join(", ", KNOWN.stream().filter(m -> m.runsOn(engine)).map(ModelSpec::id).toList());
  }

  public static Optional<ModelSpec> byId(String id) {
    return KNOWN.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** "all-minilm-l6-v2, …", for help and error messages. */
  public static String ids() {
    return String.join(", ", KNOWN.stream().map(ModelSpec::id).toList());
  }

  /** {@code groupId:artifactId:version} of the artifact as it is on the classpath, for messages. */
  public String coordinates() {
    String[] ga = artifact.split(":");
    String properties = "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
    try (InputStream in = ModelSpec.class.getClassLoader().getResourceAsStream(properties)) {
      if (in != null) {
        Properties pom = new Properties();
        pom.load(in);
        return artifact + ":" + pom.getProperty("version");
      }
    } catch (IOException e) {
      // said below
    }
    return artifact + " (not on the classpath)";
  }

  public ModelInfo info() {
    return new ModelInfo(id, sha256, dimension, pooling.name().toLowerCase(java.util.Locale.ROOT));
  }
}
