package dev.jobcode.cli;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.encoder.CoalescingEncoder;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelFiles;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.encoder.OnnxEncoder;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.OnetIndex;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** An opened index with the encoder of the model it was built with. Closing closes both. */
record Engine(Encoder encoder, Classifier classifier) implements AutoCloseable {

  /** Concurrent encode calls are run as one batch of up to this many texts. */
  static final int COALESCE_BATCH = 64;

  /**
   * Opens the model {@code spec}, from {@code modelsDir}: one ONNX Runtime session using every core,
   * behind a {@link CoalescingEncoder} that batches concurrent calls (a second session would only
   * contend for the same cores).
   */
  static Encoder openEncoder(ModelSpec spec, Path modelsDir) {
    return new CoalescingEncoder(OnnxEncoder.open(spec, ModelFiles.resolve(spec, modelsDir), 1), COALESCE_BATCH);
  }

  /** Opens the index in {@code indexDir} and the model its {@code meta.json} names. */
  static Engine open(Path indexDir, Path modelsDir) {
    return open(indexDir, modelsDir, UnaryOperator.identity());
  }

  /** As above, with the classifier settings tuned for the model changed by {@code adjust}. */
  static Engine open(Path indexDir, Path modelsDir, UnaryOperator<ClassifierSettings> adjust) {
    IndexMeta meta = IndexMeta.read(indexDir);
    ModelSpec spec = ModelSpec.byId(meta.model().id()).orElseThrow(() -> new IndexException("the index at "
        + indexDir + " was built with model '" + meta.model().id() + "', which this jobcode does not know ("
        + ModelSpec.ids() + "); rebuild it"));
    ClassifierSettings settings = adjust.apply(ClassifierSettings.forModel(spec.id()));
    Encoder encoder = openEncoder(spec, modelsDir);
    try {
      return new Engine(encoder, new Classifier(OnetIndex.open(indexDir, encoder.model()), encoder, settings));
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      classifier.index().close();
    } finally {
      encoder.close();
    }
  }
}
