package dev.jobcode.classify;

import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/** Each occupation's mean vector in one vector field, normalised; built once from the index. */
final class Centroids {
  private final Map<String, float[]> byCode;

  private Centroids(Map<String, float[]> byCode) {
    this.byCode = byCode;
  }

  static Centroids of(VectorIndex index, String field) {
    Map<String, float[]> sums = new HashMap<>();
    index.forEachVector(field, (doc, vector) -> {
      for (Label label : index.labels(doc)) {
        float[] sum = sums.computeIfAbsent(label.code(), c -> new float[vector.length]);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += vector[i];
        }
      }
    });
    sums.values().forEach(v -> VectorUtil.l2normalize(v, false));
    return new Centroids(sums);
  }

  /** Cosine similarity of {@code query} to every occupation that has vectors in this field. */
  Map<String, Double> scores(float[] query) {
    Map<String, Double> scores = new HashMap<>(byCode.size() * 2);
    byCode.forEach((code, centroid) -> scores.put(code, (double) VectorUtil.dotProduct(query, centroid)));
    return scores;
  }
}
