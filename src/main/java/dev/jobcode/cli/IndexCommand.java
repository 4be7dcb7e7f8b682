package dev.jobcode.cli;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelEngine;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobcode index}: reads an O*NET release and builds the occupation index atomically. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build the occupation index from an O*NET text database (atomically: a failed build "
        + "leaves the previous index untouched).")
final class IndexCommand implements Callable<Integer> {
  @Option(names = "--onet", paramLabel = "DIR",
      description = "O*NET text database folder (default: $ONET_DIR, else data/onet, else ../shared/data/onet/db_30_0_text)")
  Path onet;

  @Option(names = "--onet-version", paramLabel = "V",
      description = "O*NET release, e.g. 30.0, when neither 'Read Me.txt' nor the folder name tells")
  String onetVersion;

  @Option(names = "--out", paramLabel = "DIR", description = "index folder to (re)build (default: index/default)")
  Path out;

  @Option(names = "--cvs", paramLabel = "FILE",
      description = "CVs (.jsonl, .csv, .tsv or Excel; see the README) to add to the candidate pool (--pool) "
          + "once the occupations are built")
  Path cvs;

  @picocli.CommandLine.Mixin
  PoolOption pool = new PoolOption();

  @Option(names = "--models", paramLabel = "DIR", description = "model files folder (default: models)")
  Path models;

  @Option(names = "--model", defaultValue = ModelSpec.DEFAULT_ID,
      description = "embedding model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", completionCandidates = ModelIds.class)
  String model;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "onnxruntime",
      description = "onnxruntime or pytorch: which runs the model while indexing; either serves the index "
          + "(default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--hnsw-m", defaultValue = "" + HnswParams.DEFAULT_M, description = "HNSW links per node (default: ${DEFAULT-VALUE})")
  int hnswM;

  @Option(names = "--hnsw-beam", defaultValue = "" + HnswParams.DEFAULT_BEAM_WIDTH, description = "HNSW build beam width (default: ${DEFAULT-VALUE})")
  int hnswBeam;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path onetDir = onet != null ? onet : Defaults.onet();
    Path target = out != null ? out : Defaults.index();
    HnswParams hnsw;
    try {
      hnsw = new HnswParams(hnswM, hnswBeam);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
    ModelSpec modelSpec = ModelSpec.byId(model).orElseThrow(() -> new Main.UsageException(
        "unknown --model '" + model + "': use one of " + ModelSpec.ids()));
    PrintWriter err = spec.commandLine().getErr();
    Path modelsDir = models != null ? models : Defaults.models();
    if (cvs != null) {
      CvFile.read(cvs);   // a bad file fails in a second, not after the occupations' minutes
    }
    ModelEngine modelEngine = EngineOptions.engine(engine);
    build(onetDir, Optional.ofNullable(onetVersion), target, modelSpec, modelEngine, modelsDir, hnsw, err);
    if (cvs != null) {
      try (Engine opened = Engine.open(target, modelsDir, modelEngine, java.util.function.UnaryOperator.identity(), pool,
          Engine.PoolAccess.WRITE)) {
        addCvs(opened, cvs, err);
      }
    }
    return 0;
  }

  /** Adds the CVs of a JSONL, CSV, TSV or Excel file to the engine's pool; shared with {@code serve}'s first run. */
  static void addCvs(Engine opened, Path file, PrintWriter err) {
    List<Cv> read = CvFile.read(file);
    err.printf(Locale.ROOT, "jobcode: %,d CVs from %s%n", read.size(), file);
    long start = System.nanoTime();
    String source = file.getFileName().toString();
    List<CandidateIntake.Result> results = new CandidateIntake(opened.pool(), opened.classifier())
        .submit(read.stream().map(cv -> new CandidateIntake.Submission(cv, source, false)).toList(),
            new ProgressBar(err, "encoding CVs"));
    long added = results.stream().filter(CandidateIntake.Result::stored).count();
    err.printf(Locale.ROOT, "jobcode: added %,d CVs to the candidate pool %s in %.1f s (%,d were there already or "
        + "duplicates); it holds %,d%n", added, opened.pool().location(), (System.nanoTime() - start) / 1e9,
        results.size() - added, opened.pool().size());
  }

  /**
   * Loads, encodes and writes; prints what it did, and its progress, to {@code err}. Shared with
   * {@code serve}'s first run.
   */
  static IndexMeta build(Path onetDir, Optional<String> version, Path target, ModelSpec spec, ModelEngine engine,
                         Path modelsDir, HnswParams hnsw, PrintWriter err) {
    Taxonomy taxonomy = OnetLoader.load(onetDir, version);
    // The release's technology skills and tools, found in CVs and postings (none when it has no such file).
    SkillDictionary skills = Files.isRegularFile(onetDir.resolve(SkillDictionary.TECHNOLOGY_SKILLS))
        ? SkillDictionary.load(onetDir) : SkillDictionary.of(List.of());
    err.printf(Locale.ROOT, "jobcode: O*NET %s from %s: %,d occupations, %,d texts %s, %,d skills and tools%n",
        taxonomy.version(), onetDir, taxonomy.occupations().size(), taxonomy.texts().size(), taxonomy.countsByKind(),
        skills.size());
    try (Encoder encoder = Engine.openEncoder(spec, engine, modelsDir)) {
      IndexMeta meta = new IndexBuilder(encoder, hnsw, new ProgressBar(err, "encoding"))
          .build(taxonomy, onetDir.toAbsolutePath().normalize().toString(), skills, target);
      err.printf(Locale.ROOT, "jobcode: indexed %,d texts of %,d occupations into %s in %.1f s %s%n",
          meta.documents().values().stream().mapToInt(Integer::intValue).sum(), meta.occupations(), target,
          meta.buildSeconds(), meta.documents());
      return meta;
    }
  }

  /** The model ids, for picocli's help. */
  static final class ModelIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ModelSpec.KNOWN.stream().map(ModelSpec::id).iterator();
    }
  }
}
