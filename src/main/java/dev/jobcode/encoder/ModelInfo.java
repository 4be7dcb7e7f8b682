package dev.jobcode.encoder;

import io.javalin.openapi.OpenApiIgnore;
import java.util.Objects;

/** What an index records about the model that encoded it, and what a server checks it against. */
public record ModelInfo(String id, String sha256, int dimension, String pooling) {
  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(pooling, "pooling");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
  }

  /** True when vectors from the two are comparable: same weights, same pooling. */
  @OpenApiIgnore   // not a property: the OpenAPI processor takes every method of a record for one
  public boolean sameModelAs(ModelInfo other) {
    return id.equals(other.id) && sha256.equals(other.sha256) && dimension == other.dimension
        && pooling.equals(other.pooling);
  }
}
