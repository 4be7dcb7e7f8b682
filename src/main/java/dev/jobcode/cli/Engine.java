package dev.jobcode.cli;

import dev.jobcode.classify.AnswerCache;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.IndexTables;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.encoder.CoalescingEncoder;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.DjlEncoder;
import dev.jobcode.encoder.ModelEngine;
import dev.jobcode.encoder.ModelFiles;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.OnetIndex;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import dev.jobcode.classify.Reranker;
import java.util.function.UnaryOperator;

/**
 * An opened index with the encoder of the model it was built with, and the candidate pool when one
 * was asked for (else null). Closing closes all three.
 */
record Engine(Encoder encoder, Classifier classifier, CandidateStore pool) implements AutoCloseable {

  /** How a command uses the candidate pool. */
  enum PoolAccess {
    /** Not at all. */
    NONE,
    /** To read, when the folder holds a pool (else none); a running server may hold it meanwhile. */
    READ,
    /** To read and write, creating it when missing; no other process may write meanwhile. */
    WRITE
  }

  /** Concurrent encode calls are run as one batch of up to this many texts. */
  static final int COALESCE_BATCH = 64;

  /**
   * Opens the model {@code spec}, from {@code modelsDir}, on {@code engine}: one session using every
   * core, behind a {@link CoalescingEncoder} that batches concurrent calls (a second session would
   * only contend for the same cores).
   */
  static Encoder openEncoder(ModelSpec spec, ModelEngine engine, Path modelsDir) {
    return new CoalescingEncoder(DjlEncoder.open(spec, engine, ModelFiles.resolve(spec, engine, modelsDir), 1),
        COALESCE_BATCH);
  }

  /**
   * Opens the index in {@code indexDir} and the model its {@code meta.json} names, on {@code modelEngine}, with the
   * re-ranker {@code reranker} names ({@link EngineOptions#reranker}), the cache {@code answers}, and the classifier settings tuned for the model changed by
   * {@code adjust}, and the pool {@code poolOption} names opened for {@code access}; a pool encoded
   * with another model is refused. The index records the model, not the engine: either engine serves
   * it, as both run the same weights (an engine that does not run its model says so).
   */
  static Engine open(Path indexDir, Path modelsDir, ModelEngine modelEngine, String reranker, AnswerCache answers,
                     UnaryOperator<ClassifierSettings> adjust, PoolOption poolOption, PoolAccess access) {
    IndexMeta meta = IndexMeta.read(indexDir);
    ModelSpec spec = ModelSpec.byId(meta.model().id()).orElseThrow(() -> new IndexException("the index at "
        + indexDir + " was built with model '" + meta.model().id() + "', which this jobcode does not know ("
        + ModelSpec.ids() + "); rebuild it"));
    ClassifierSettings settings = adjust.apply(ClassifierSettings.forModel(spec.id()));
    Optional<Reranker> ranking = EngineOptions.reranker(reranker, spec.id());
    // The model loads (mostly in ONNX Runtime's native code) while the index is read: each takes about a second.
    CompletableFuture<Encoder> loading = CompletableFuture.supplyAsync(() -> openEncoder(spec, modelEngine, modelsDir),
        task -> Thread.ofPlatform().daemon().name("model-load").start(task));
    OnetIndex index;
    try {
      index = OnetIndex.open(indexDir, spec.info());
    } catch (RuntimeException e) {
      loading.thenAccept(Encoder::close);   // once loaded; a failed load has nothing to close
      throw e;
    }
    // The classifier's tables (a second of a start's own work) are computed beside the pool, the model,
    // and what comes after: a command waits for them on its first classification, a server once it answers.
    CompletableFuture<IndexTables> tables = IndexTables.computing(index.vectors());
    CandidateStore pool = null;
    try {
      pool = switch (access) {
        case NONE -> null;
        case READ -> poolOption.exists() ? CandidateStore.checked(poolOption.openReadOnly(), spec.info()) : null;
        case WRITE -> poolOption.openWritable(spec.info(), index.meta().hnsw());
      };
      Encoder encoder = loading.join();
      return new Engine(encoder, new Classifier(index, tables, encoder, settings, ranking, answers), pool);
    } catch (RuntimeException e) {
      loading.thenAccept(Encoder::close);   // once loaded (joined above or not); a failed load has nothing to close
      settle(tables);   // the index is closed next: not while its tables are being read
      closeQuietly(pool);
      closeQuietly(index);
      throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Waits for {@code tables} to be computed or to fail, whichever. */
  private static void settle(CompletableFuture<IndexTables> tables) {
    tables.handle((t, failure) -> null).join();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // the error being thrown says what went wrong
      }
    }
  }

  @Override
  public void close() {
    try {
      if (pool != null) {
        pool.close();
      }
    } finally {
      try {
        try {
          classifier.awaitTables();   // not closing the index under the thread that computes them
        } catch (RuntimeException ignored) {
          // a command that never classified has nothing to report of them
        }
        classifier.index().close();
      } finally {
        encoder.close();
      }
    }
  }
}
