package dev.jobcode.cli;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelFiles;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.encoder.OnnxEncoder;
import dev.jobcode.index.OnetIndex;
import java.nio.file.Path;

/** Opens the model and the index the way every command does. */
final class Engines {
  private Engines() {}

  static Encoder openEncoder(Path modelsDir) {
    ModelSpec spec = ModelSpec.ALL_MINILM_L6_V2;
    return OnnxEncoder.open(spec, ModelFiles.resolve(spec, modelsDir), Runtime.getRuntime().availableProcessors());
  }

  static Classifier openClassifier(Path indexDir, Encoder encoder) {
    return new Classifier(OnetIndex.open(indexDir, encoder.model()), encoder, ClassifierSettings.DEFAULT);
  }
}
