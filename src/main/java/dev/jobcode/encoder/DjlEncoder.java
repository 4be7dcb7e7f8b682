package dev.jobcode.encoder;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.lucene.util.VectorUtil;

/**
 * A sentence encoder on a DJL engine (ONNX Runtime or PyTorch, {@link ModelEngine}) with a local
 * HuggingFace tokenizer.
 *
 * <p>Encoding a list of texts: (1) tokenise each text without truncation; (2) split it into windows
 * that fit the model ({@link TokenWindows}); (3) sort all windows by length and run them in batches,
 * so that little padding is wasted; (4) pool each window; (5) average a text's windows weighted by
 * their token counts; (6) L2-normalise.
 *
 * <p>Thread-safe: a DJL {@link Predictor} is not, so each call borrows one from a fixed pool.
 */
public final class DjlEncoder implements Encoder {
  static {
    // Never reach for a model hub: every file is local or on the classpath. The one place this is
    // set: only this class touches DJL, and its initialiser runs before any DJL class is used.
    System.setProperty("ai.djl.offline", "true");
  }

  private static final int DEFAULT_BATCH = 32;

  private final ModelSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final Model model;
  private final BlockingQueue<Predictor<long[][], float[][]>> predictors;
  private final int batchSize;
  private final long cls;
  private final long sep;

  private DjlEncoder(ModelSpec spec, HuggingFaceTokenizer tokenizer, Model model, WindowTranslator translator,
                      int poolSize, int batchSize) {
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.model = model;
    this.batchSize = batchSize;
    this.predictors = new ArrayBlockingQueue<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      predictors.add(model.newPredictor(translator));
    }
    long[] specials = tokenizer.encode("", true, false).getIds();
    if (specials.length != 2) {
      throw new EncoderException("tokenizer of " + spec.id() + " does not frame a text with two special tokens");
    }
    this.cls = specials[0];
    this.sep = specials[1];
  }

  /**
   * Loads {@code spec} from {@code files} on ONNX Runtime.
   *
   * @param poolSize how many callers may run the model at once
   */
  public static DjlEncoder open(ModelSpec spec, ModelFiles files, int poolSize) {
    return open(spec, ModelEngine.ONNXRUNTIME, files, poolSize);
  }

  /**
   * Loads {@code spec} from {@code files} (as {@link ModelFiles#resolve(ModelSpec, ModelEngine, java.nio.file.Path)}
   * gives them for {@code engine}) on {@code engine}.
   *
   * @param poolSize how many callers may run the model at once
   */
  public static DjlEncoder open(ModelSpec spec, ModelEngine engine, ModelFiles files, int poolSize) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(engine, "engine");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    // The tokenizer (a native library and a vocabulary) loads beside the model: a fifth of a second of a start.
    CompletableFuture<HuggingFaceTokenizer> tokenizing = CompletableFuture.supplyAsync(() -> tokenizer(files),
        task -> Thread.ofPlatform().daemon().name("tokenizer-load").start(task));
    if (!Engine.hasEngine(engine.djlName())) {
      tokenizing.thenAccept(HuggingFaceTokenizer::close);
      throw new EncoderException("the " + engine.id() + " engine is not on the classpath: "
          + (engine == ModelEngine.PYTORCH ? "run through tools/jobcode, which adds target/lib-pytorch when asked "
          + "for --engine pytorch (built by 'mvn -Ppytorch package')" : "rebuild with Maven"));
    }
    Model model = Model.newInstance(spec.id(), engine.djlName());
    HuggingFaceTokenizer tokenizer = null;
    try {
      model.load(files.model(), null, loadOptions(engine));
      // ONNX Runtime names the model's inputs; a TorchScript model does not, and takes BERT's three in
      // the ONNX file's order (tools/torchscript.py traces it so).
      List<String> inputs = engine == ModelEngine.ONNXRUNTIME ? model.describeInput().keys()
          : List.of("input_ids", "attention_mask", "token_type_ids");
      tokenizer = tokenizing.join();
      return new DjlEncoder(spec, tokenizer, model, new WindowTranslator(spec.pooling(), spec.dimension(), inputs),
          poolSize, DEFAULT_BATCH);
    } catch (CompletionException e) {
      model.close();
      throw e.getCause() instanceof EncoderException cause ? cause : new EncoderException(e.getMessage(), e);
    } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
      model.close();
      if (tokenizer != null) {
        tokenizer.close();
      } else {
        tokenizing.thenAccept(HuggingFaceTokenizer::close);   // once loaded; a failed load has nothing to close
      }
      throw new EncoderException("failed to load model " + files.model() + " on " + engine.id() + ": " + e.getMessage(), e);
    }
  }

  private static HuggingFaceTokenizer tokenizer(ModelFiles files) {
    try {
      return HuggingFaceTokenizer.builder()
          .optTokenizerPath(files.tokenizer())
          .optAddSpecialTokens(false)
          .optTruncation(false)
          .optPadding(false)
          .build();
    } catch (IOException | RuntimeException e) {
      throw new EncoderException("failed to load tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, ?> loadOptions(ModelEngine engine) throws OrtException {
    if (engine != ModelEngine.ONNXRUNTIME) {
      return Map.of();
    }
    // ONNX Runtime's worker threads spin while waiting for work, by default: between two model runs
    // they would take the cores from the HNSW searches and votes that run in between.
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    return Map.of("sessionOptions", options);
  }

  @Override
  public ModelInfo model() {
    return spec.info();
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    // 1–2. Tokenise and split into windows, remembering which text each window belongs to.
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = Objects.requireNonNull(texts.get(i), "text");
      Encoding encoding = tokenizer.encode(spec.queryPrefix() + text, false, false);
      // A token continues a word when the tokenizer says it belongs to the same word as the one
      // before it: true of any tokenizer, not only of WordPiece's "##" pieces.
      long[] words = encoding.getWordIds();
      boolean[] continuation = new boolean[words.length];
      for (int t = 1; t < words.length; t++) {
        continuation[t] = words[t] >= 0 && words[t] == words[t - 1];
      }
      for (long[] ids : TokenWindows.split(encoding.getIds(), continuation, spec.maxTokens(), cls, sep)) {
        windows.add(new Window(i, ids));
      }
    }
    // 3–4. Shortest first, in batches of like lengths: one predictor for the whole call.
    windows.sort(Comparator.comparingInt((Window w) -> w.ids.length));
    int[] lengths = windows.stream().mapToInt(w -> w.ids.length).toArray();
    float[][] sums = new float[texts.size()][spec.dimension()];
    Predictor<long[][], float[][]> predictor = borrow();
    try {
      for (int[] range : LengthBatches.of(lengths, batchSize, LengthBatches.MAX_PADDING)) {
        List<Window> batch = windows.subList(range[0], range[1]);
        long[][] ids = new long[batch.size()][];
        for (int b = 0; b < ids.length; b++) {
          ids[b] = batch.get(b).ids;
        }
        float[][] pooled = predictor.predict(ids);
        // 5. Weight each window by its token count (specials excluded) when summing.
        for (int b = 0; b < pooled.length; b++) {
          Window w = batch.get(b);
          float weight = Math.max(1, w.ids.length - 2);
          float[] sum = sums[w.text];
          for (int d = 0; d < sum.length; d++) {
            sum[d] += weight * pooled[b][d];
          }
        }
      }
    } catch (TranslateException e) {
      throw new EncoderException("model " + spec.id() + " failed: " + e.getMessage(), e);
    } finally {
      predictors.add(predictor);
    }
    // 6. Normalise.
    List<float[]> result = new ArrayList<>(sums.length);
    for (float[] sum : sums) {
      result.add(VectorUtil.l2normalize(sum, false));
    }
    return result;
  }

  private Predictor<long[][], float[][]> borrow() {
    try {
      return predictors.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EncoderException("interrupted while waiting for the model", e);
    }
  }

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    model.close();
    tokenizer.close();
  }

  private record Window(int text, long[] ids) {}

  /** Pads a batch of token windows into tensors, and pools the model's token vectors. */
  private static final class WindowTranslator implements NoBatchifyTranslator<long[][], float[][]> {
    private final Pooling pooling;
    private final int dimension;
    private final List<String> inputs;

    WindowTranslator(Pooling pooling, int dimension, List<String> inputs) {
      this.pooling = pooling;
      this.dimension = dimension;
      this.inputs = List.copyOf(inputs);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, long[][] windows) {
      int rows = windows.length;
      int tokens = 0;
      for (long[] w : windows) {
        tokens = Math.max(tokens, w.length);
      }
      long[] ids = new long[rows * tokens];
      long[][] mask = new long[rows][tokens];
      long[] flatMask = new long[rows * tokens];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(windows[r], 0, ids, r * tokens, windows[r].length);
        for (int t = 0; t < windows[r].length; t++) {
          mask[r][t] = 1;
          flatMask[r * tokens + t] = 1;
        }
      }
      ctx.setAttachment("mask", mask);
      ctx.setAttachment("tokens", tokens);
      NDManager manager = ctx.getNDManager();
      Shape shape = new Shape(rows, tokens);
      NDList arrays = new NDList();
      for (String name : inputs) {
        NDArray array = switch (name) {
          case "input_ids" -> manager.create(ids, shape);
          case "attention_mask" -> manager.create(flatMask, shape);
          case "token_type_ids" -> manager.create(new long[rows * tokens], shape);
          default -> throw new IllegalStateException("unexpected model input " + name);
        };
        array.setName(name);
        arrays.add(array);
      }
      return arrays;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList output) {
      long[][] mask = (long[][]) ctx.getAttachment("mask");
      int tokens = (Integer) ctx.getAttachment("tokens");
      return pooling.pool(output.get(0).toFloatArray(), mask, tokens, dimension);
    }
  }
}
