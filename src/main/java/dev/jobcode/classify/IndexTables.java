package dev.jobcode.classify;

import dev.jobcode.index.Fields;
import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.TextKind;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a {@link Classifier} computes from its index at open, shared by the classifiers of the same
 * index: the exact-title table, the title and text centroids, and each occupation's own title vector.
 * It needs no model, so a start computes it behind the open index ({@link #computing}).
 */
public record IndexTables(ExactTitles exactTitles, Centroids titleCentroids, Centroids textCentroids,
                          Map<String, float[]> ownTitleVectors) {
  /**
   * {@link #of}, on a thread of its own: a start opens the server while it runs, and a classifier made
   * with the future ({@link Classifier#Classifier(dev.jobcode.index.OnetIndex, CompletableFuture,
   * dev.jobcode.encoder.Encoder, ClassifierSettings, java.util.Optional, AnswerCache)}) waits for it
   * on the first call that needs it.
   */
  public static CompletableFuture<IndexTables> computing(VectorIndex vectors) {
    return CompletableFuture.supplyAsync(() -> of(vectors),
        task -> Thread.ofPlatform().daemon().name("index-tables").start(task));
  }

  /** Three independent passes over the index, run beside each other: they are most of a start's own work. */
  public static IndexTables of(VectorIndex vectors) {
    CompletableFuture<ExactTitles> exact = CompletableFuture.supplyAsync(() -> new ExactTitles(vectors),
        Classifier.RANKING);
    CompletableFuture<Centroids> text = CompletableFuture.supplyAsync(
        () -> Centroids.of(vectors, Fields.TEXT_VECTOR), Classifier.RANKING);
    Centroids title = Centroids.of(vectors, Fields.TITLE_VECTOR);
    Map<String, float[]> own = new HashMap<>();
    vectors.forEachVector(Fields.TITLE_VECTOR, (doc, vector) -> {
      for (Label label : vectors.labels(doc)) {
        if (label.kind() == TextKind.TITLE) {
          own.put(label.code(), vector.clone());
        }
      }
    });
    try {
      return new IndexTables(exact.join(), title, text.join(), Map.copyOf(own));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
