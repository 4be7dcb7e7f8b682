package dev.jobcode.cli;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.classify.AnswerCache;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelEngine;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.index.IndexedTaxonomy;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.SocCrosswalk;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TaxonomyDiff;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
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
  /** What changed since the --previous release, beside the index it describes. */
  static final String CHANGES_FILE = "changes.json";

  @Option(names = "--onet", paramLabel = "DIR",
      description = "O*NET text database folder (default: $ONET_DIR, else data/onet, else ../shared/data/onet/db_30_0_text)")
  Path onet;

  @Option(names = "--onet-version", paramLabel = "V",
      description = "O*NET release, e.g. 30.0, when neither 'Read Me.txt' nor the folder name tells")
  String onetVersion;

  @Option(names = "--soc", paramLabel = "DIR",
      description = "folder of the BLS SOC 2010 → 2018 crosswalk (" + SocCrosswalk.FILE_NAME + "), stored in the "
          + "index so that SOC 2010 codes are read (default: $SOC_DIR, else data/soc, else ../shared/data/soc; "
          + "without it, SOC 2010 codes are refused)")
  Path soc;

  @Option(names = "--out", paramLabel = "DIR", description = "index folder to (re)build (default: index/default)")
  Path out;

  @Option(names = "--cvs", paramLabel = "FILE",
      description = "CVs (.jsonl, .csv, .tsv or Excel; see the README) to add to the candidate pool (--pool) "
          + "once the occupations are built")
  Path cvs;

  @Option(names = "--previous", paramLabel = "DIR",
      description = "the release this one replaces (its index, e.g. the --out being rebuilt, or its O*NET folder): "
          + "print what changed and write it to <out>/" + IndexCommand.CHANGES_FILE)
  Path previous;

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
    // Read before the build: the previous index may be the folder the build replaces, and a bad one fails in seconds.
    Optional<Taxonomy> before = Optional.ofNullable(previous).map(IndexedTaxonomy::load);
    Taxonomy taxonomy = OnetLoader.load(onetDir, Optional.ofNullable(onetVersion));
    ModelEngine modelEngine = EngineOptions.engine(engine);
    build(taxonomy, onetDir, soc, target, modelSpec, modelEngine, modelsDir, hnsw, err);
    before.ifPresent(old -> {
      TaxonomyDiff diff = TaxonomyDiff.between(old, taxonomy);
      Path file = target.resolve(CHANGES_FILE);
      ChangesSummary.write(diff, file);
      ChangesSummary.print(diff, ChangesSummary.DEFAULT_LIMIT, spec.commandLine().getOut());
      err.printf(Locale.ROOT, "jobcode: what changed since %s is in %s%n", previous, file);
    });
    if (cvs != null) {
      try (Engine opened = Engine.open(target, modelsDir, modelEngine, EngineOptions.NONE, AnswerCache.off(),
          UnaryOperator.identity(), pool, Engine.PoolAccess.WRITE)) {
        addCvs(opened, cvs, err);
      }
    }
    return 0;
  }

  /** Adds the CVs of a JSONL, CSV, TSV or Excel file to the engine's pool, with a progress bar. */
  static void addCvs(Engine opened, Path file, PrintWriter err) {
    addCvs(opened, file, ProgressListener.NONE, err);
  }

  /** As above, telling {@code progress} too: {@code serve}'s first run fills its pool so. */
  static void addCvs(Engine opened, Path file, ProgressListener progress, PrintWriter err) {
    List<Cv> read = CvFile.read(file, opened.classifier().index().codes());
    err.printf(Locale.ROOT, "jobcode: %,d CVs from %s%n", read.size(), file);
    long start = System.nanoTime();
    String source = file.getFileName().toString();
    List<CandidateIntake.Result> results = new CandidateIntake(opened.pool(), opened.classifier())
        .submit(read.stream().map(cv -> new CandidateIntake.Submission(cv, source, false)).toList(),
            ProgressListener.both(new ProgressBar(err, "encoding CVs"), progress));
    long added = results.stream().filter(CandidateIntake.Result::stored).count();
    err.printf(Locale.ROOT, "jobcode: added %,d CVs to the candidate pool %s in %.1f s (%,d were there already or "
        + "duplicates); it holds %,d%n", added, opened.pool().location(), (System.nanoTime() - start) / 1e9,
        results.size() - added, opened.pool().size());
  }

  /**
   * Loads, encodes and writes; prints what it did, and its progress, to {@code err}. Shared with
   * {@code serve}'s first run.
   */
  static IndexMeta build(Path onetDir, Optional<String> version, Path socDir, Path target, ModelSpec spec,
                         ModelEngine engine, Path modelsDir, HnswParams hnsw, PrintWriter err) {
    return build(OnetLoader.load(onetDir, version), onetDir, socDir, target, spec, engine, modelsDir, hnsw, err);
  }

  private static IndexMeta build(Taxonomy taxonomy, Path onetDir, Path socDir, Path target, ModelSpec spec,
                                 ModelEngine engine, Path modelsDir, HnswParams hnsw, PrintWriter err) {
    Optional<SocCrosswalk> crosswalk = crosswalk(socDir, taxonomy, err);
    // The release's technology skills and tools, found in CVs and postings (none when it has no such file).
    SkillDictionary skills = Files.isRegularFile(onetDir.resolve(SkillDictionary.TECHNOLOGY_SKILLS))
        ? SkillDictionary.load(onetDir) : SkillDictionary.of(List.of());
    err.printf(Locale.ROOT, "jobcode: O*NET %s from %s: %,d occupations, %,d texts %s, %,d skills and tools%n",
        taxonomy.version(), onetDir, taxonomy.occupations().size(), taxonomy.texts().size(), taxonomy.countsByKind(),
        skills.size());
    try (Encoder encoder = Engine.openEncoder(spec, engine, modelsDir)) {
      IndexMeta meta = new IndexBuilder(encoder, hnsw, new ProgressBar(err, "encoding"))
          .build(taxonomy, onetDir.toAbsolutePath().normalize().toString(), skills, crosswalk, target);
      err.printf(Locale.ROOT, "jobcode: indexed %,d texts of %,d occupations into %s in %.1f s %s%n",
          meta.documents().values().stream().mapToInt(Integer::intValue).sum(), meta.occupations(), target,
          meta.buildSeconds(), meta.documents());
      return meta;
    }
  }

  /**
   * The crosswalk in {@code socDir} (null: the default folder); a default folder without it, or a
   * release whose codes are not SOC 2018 ones, builds an index that refuses SOC 2010 codes, and says so.
   */
  static Optional<SocCrosswalk> crosswalk(Path socDir, Taxonomy taxonomy, PrintWriter err) {
    Path file = (socDir != null ? socDir : Defaults.soc()).resolve(SocCrosswalk.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      if (socDir != null) {
        throw new Main.UsageException("--soc " + socDir + " holds no " + SocCrosswalk.FILE_NAME);
      }
      err.println("jobcode: no SOC 2010 crosswalk at " + file + "; the index will refuse SOC 2010 codes (give --soc DIR)");
      return Optional.empty();
    }
    SocCrosswalk crosswalk = SocCrosswalk.load(file);
    double share = crosswalk.share2018(taxonomy.occupations().keySet().stream().map(OnetCodes::soc6).toList());
    if (share < 0.9) {
      err.printf(Locale.ROOT, "jobcode: only %.0f%% of O*NET %s's SOC codes are SOC 2018 codes; not storing the SOC "
          + "2010 crosswalk (the index will refuse SOC 2010 codes)%n", share * 100, taxonomy.version());
      return Optional.empty();
    }
    SocCrosswalk.Counts c = crosswalk.counts();
    err.printf(Locale.ROOT, "jobcode: SOC 2010 crosswalk from %s: %,d codes, %,d to one SOC 2018 code (%,d unchanged), "
        + "%,d to several%n", file, c.codes(), c.oneToOne(), c.unchanged(), c.several());
    return Optional.of(crosswalk);
  }

  /** The model ids, for picocli's help. */
  static final class ModelIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ModelSpec.KNOWN.stream().map(ModelSpec::id).iterator();
    }
  }
}
