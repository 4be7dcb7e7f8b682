package dev.jobcode.cli;

import dev.jobcode.classify.AnswerCache;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.encoder.ModelEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.jobcode.classify.Reranker;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** {@code --index}, {@code --models} and {@code --engine}, shared by every command that opens an index (a picocli mixin). */
final class EngineOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: index/default)")
  Path index;

  @Option(names = "--models", paramLabel = "DIR", description = "model files folder (default: models)")
  Path models;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "onnxruntime",
      description = "onnxruntime or pytorch (fp32 models only; tools/jobcode adds PyTorch to the classpath when asked; "
          + "default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--reranker", paramLabel = "none|shipped|FILE", defaultValue = NONE,
      description = "how titles' occupations are ordered: by the vote alone (none), or by the learned re-ranker shipped "
          + "for the index's model (shipped), or by a model file of 'jobcode rerank train' (default: ${DEFAULT-VALUE}: "
          + "the re-ranker does not yet beat the vote on every dev set; see docs/ACCURACY.md)")
  String reranker;

  @Option(names = "--answer-cache", paramLabel = "MB", defaultValue = "" + AnswerCache.DEFAULT_MEGABYTES,
      description = "megabytes (estimated) of answers kept for queries that repeat; 0 turns the cache off "
          + "(default: ${DEFAULT-VALUE}, about 20,000 title answers)")
  int answerCacheMegabytes;

  static final String NONE = "none";
  static final String SHIPPED = "shipped";

  /** The re-ranker {@code choice} names for an index of {@code modelId}. */
  static Optional<Reranker> reranker(String choice, String modelId) {
    return switch (choice) {
      case SHIPPED -> Optional.of(Reranker.forModel(modelId).orElseThrow(() -> new Main.UsageException(
          "--reranker shipped: this jobcode ships no re-ranker for the model '" + modelId + "'; train one with "
              + "'jobcode rerank train --out FILE' and give --reranker FILE")));
      case NONE -> Optional.empty();
      default -> {
        Path file = Path.of(choice);
        if (!Files.isRegularFile(file)) {
          throw new Main.UsageException("--reranker: no such file: " + file + " (or say 'none' or 'shipped')");
        }
        try {
          yield Optional.of(Reranker.load(file));
        } catch (IllegalArgumentException e) {
          throw new Main.UsageException("--reranker: " + e.getMessage());
        }
      }
    };
  }

  /** The cache {@code --answer-cache} asks for. */
  AnswerCache answerCache() {
    if (answerCacheMegabytes < 0) {
      throw new Main.UsageException("--answer-cache: give megabytes, 0 or more (0 turns the cache off), not "
          + answerCacheMegabytes);
    }
    return AnswerCache.ofMegabytes(answerCacheMegabytes);
  }

  /** The engine named by {@code --engine}; shared with {@code index}. */
  static ModelEngine engine(String id) {
    return ModelEngine.byId(id).orElseThrow(() -> new Main.UsageException("unknown --engine '" + id + "': use one of "
        + ModelEngine.ids()));
  }

  ModelEngine modelEngine() {
    return engine(engine);
  }

  /** True when the user named the index folder. */
  boolean indexGiven() {
    return index != null;
  }

  Path indexDir() {
    return index != null ? index : Defaults.index();
  }

  Path modelsDir() {
    return models != null ? models : Defaults.models();
  }

  /** The index and the encoder of the model it was built with. */
  Engine open() {
    return Engine.open(indexDir(), modelsDir(), modelEngine(), reranker, answerCache(), UnaryOperator.identity(), null, Engine.PoolAccess.NONE);
  }

  /** As above, with the candidate pool of {@code pool} opened for {@code access}. */
  Engine open(PoolOption pool, Engine.PoolAccess access) {
    return Engine.open(indexDir(), modelsDir(), modelEngine(), reranker, answerCache(), UnaryOperator.identity(), pool, access);
  }

  Engine open(UnaryOperator<ClassifierSettings> adjust) {
    return Engine.open(indexDir(), modelsDir(), modelEngine(), reranker, answerCache(), adjust, null, Engine.PoolAccess.NONE);
  }
}
