package dev.jobcode.classify;

import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;

/**
 * Each occupation's mean vector in one vector field, normalised; built once from the index. Keeps
 * the sums too, so that a centroid without some documents (a training query's own title) can be had.
 */
final class Centroids {
  private final VectorIndex index;
  private final String field;
  private final Map<String, float[]> sums;
  private final Map<String, float[]> byCode;

  private Centroids(VectorIndex index, String field, Map<String, float[]> sums, Map<String, float[]> byCode) {
    this.index = index;
    this.field = field;
    this.sums = sums;
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
    Map<String, float[]> normalised = new HashMap<>();
    sums.forEach((code, sum) -> normalised.put(code, VectorUtil.l2normalize(sum.clone(), false)));
    return new Centroids(index, field, sums, normalised);
  }

  /** Cosine similarity of {@code query} to one occupation's centroid; 0 when it has no vectors here. */
  double score(float[] query, String code) {
    float[] centroid = byCode.get(code);
    return centroid == null ? 0 : VectorUtil.dotProduct(query, centroid);
  }

  /** As {@link #score(float[], String)}, the centroid taken without {@code excludedDocs}. */
  double score(float[] query, String code, Set<Integer> excludedDocs) {
    List<float[]> out = excludedDocs.stream()
        .filter(doc -> index.labels(doc).stream().anyMatch(l -> l.code().equals(code)))
        .flatMap(doc -> index.vector(field, doc).stream())
        .toList();
    if (out.isEmpty()) {
      return score(query, code);
    }
    float[] sum = sums.get(code).clone();
    out.forEach(v -> {
      for (int i = 0; i < sum.length; i++) {
        sum[i] -= v[i];
      }
    });
    double norm = Math.sqrt(VectorUtil.dotProduct(sum, sum));
    return norm < 1e-6 ? 0 : VectorUtil.dotProduct(query, sum) / norm;
  }

  /** Cosine similarity of {@code query} to every occupation that has vectors in this field. */
  Map<String, Double> scores(float[] query) {
    Map<String, Double> scores = new HashMap<>(byCode.size() * 2);
    byCode.forEach((code, centroid) -> scores.put(code, (double) VectorUtil.dotProduct(query, centroid)));
    return scores;
  }
}
