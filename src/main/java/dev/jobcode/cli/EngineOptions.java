package dev.jobcode.cli;

import dev.jobcode.classify.Classifier;
import dev.jobcode.encoder.Encoder;
import java.nio.file.Path;
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

  Encoder openEncoder() {
    return Engines.openEncoder(modelsDir());
  }

  Classifier openClassifier(Encoder encoder) {
    return Engines.openClassifier(indexDir(), encoder);
  }
}
