package dev.jobcode.encoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The DJL engine that runs a model: ONNX Runtime on its pinned ONNX file (the default), or PyTorch on
 * the TorchScript file {@code tools/torchscript} makes from the same weights. Both give the same
 * vectors (cosine ≥ 0.9999, PyTorchParityTorchIT), so an index built with one is served by the other.
 */
public enum ModelEngine {
  ONNXRUNTIME("OnnxRuntime"),
  PYTORCH("PyTorch");

  public static final ModelEngine DEFAULT = ONNXRUNTIME;

  private final String djlName;

  ModelEngine(String djlName) {
    this.djlName = djlName;
  }

  /** The engine's name in DJL ({@code Model.newInstance(name, engine)}). */
  public String djlName() {
    return djlName;
  }

  /** The name on the command line: {@code onnxruntime}, {@code pytorch}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ModelEngine> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
  }

  /** "onnxruntime, pytorch", for help and error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(ModelEngine::id).collect(Collectors.joining(", "));
  }
}
