package dev.jobcode.cli;

import dev.jobcode.classify.ClassifierSettings;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** {@code --index} and {@code --models}, shared by every command that opens an index (a picocli mixin). */
final class EngineOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: index/default)")
  Path index;

  @Option(names = "--models", paramLabel = "DIR", description = "model files folder (default: models)")
  Path models;

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
    return Engine.open(indexDir(), modelsDir());
  }

  /** As above, with the candidate pool of {@code pool} opened for {@code access}. */
  Engine open(PoolOption pool, Engine.PoolAccess access) {
    return Engine.open(indexDir(), modelsDir(), UnaryOperator.identity(), pool, access);
  }

  Engine open(UnaryOperator<ClassifierSettings> adjust) {
    return Engine.open(indexDir(), modelsDir(), adjust, null, Engine.PoolAccess.NONE);
  }
}
