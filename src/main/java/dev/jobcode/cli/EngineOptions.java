package dev.jobcode.cli;

import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.encoder.ModelEngine;
import java.nio.file.Path;
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
    return Engine.open(indexDir(), modelsDir(), modelEngine(), UnaryOperator.identity(), null, Engine.PoolAccess.NONE);
  }

  /** As above, with the candidate pool of {@code pool} opened for {@code access}. */
  Engine open(PoolOption pool, Engine.PoolAccess access) {
    return Engine.open(indexDir(), modelsDir(), modelEngine(), UnaryOperator.identity(), pool, access);
  }

  Engine open(UnaryOperator<ClassifierSettings> adjust) {
    return Engine.open(indexDir(), modelsDir(), modelEngine(), adjust, null, Engine.PoolAccess.NONE);
  }
}
