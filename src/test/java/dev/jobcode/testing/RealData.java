package dev.jobcode.testing;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.corpus.CorpusGenerator;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.OnetFacts;
import dev.jobcode.encoder.DjlEncoder;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelEngine;
import dev.jobcode.encoder.ModelFiles;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.SocCrosswalk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real model and the real O*NET data for integration tests (*IT), shared by every test class
 * in the JVM: the encoder is opened once and the O*NET 30.0 index is built once per run, into
 * {@code target/it-index/default} (or taken from {@code -Djobcode.it.index=DIR} when iterating).
 */
public final class RealData {
  private static Encoder encoder;
  private static Path index;
  private static Classifier classifier;

  private RealData() {}

  public static Path home() {
    return Path.of(System.getProperty("jobcode.home", ".")).toAbsolutePath().normalize();
  }

  public static Path onet30() {
    return existing(home().resolve("../shared/data/onet/db_30_0_text").normalize());
  }

  public static Path onet29() {
    return existing(home().resolve("../shared/data/onet/db_29_3_text").normalize());
  }

  /** The BLS SOC 2010 → 2018 crosswalk's folder. */
  public static Path soc() {
    return existing(home().resolve("../shared/data/soc").normalize());
  }

  public static SocCrosswalk crosswalk() {
    return SocCrosswalk.load(soc().resolve(SocCrosswalk.FILE_NAME));
  }

  public static Path rawTitles() {
    return existing(home().resolve("../shared/data/eval/raw-titles-unlabelled.csv").normalize());
  }

  public static synchronized Encoder encoder() {
    if (encoder == null) {
      encoder = open(ModelSpec.DEFAULT);
    }
    return encoder;
  }

  private static Encoder minilm;

  /** all-MiniLM-L6-v2, for the encoder's known-answer tests against a published reference. */
  public static synchronized Encoder minilm() {
    if (minilm == null) {
      minilm = open(ModelSpec.ALL_MINILM_L6_V2);
    }
    return minilm;
  }

  private static Encoder open(ModelSpec spec) {
    return open(spec, ModelEngine.ONNXRUNTIME);
  }

  /** {@code spec} on {@code engine}, not shared: the caller closes it. */
  public static Encoder open(ModelSpec spec, ModelEngine engine) {
    return DjlEncoder.open(spec, engine, ModelFiles.resolve(spec, engine, home().resolve("models")), 2);
  }

  /** CVs generated (seed 42) for the integration tests' candidate index. */
  public static final int IT_CVS = 600;

  /** The O*NET 30.0 index with the default model, built on first call. */
  public static synchronized Path index() {
    if (index == null) {
      String given = System.getProperty("jobcode.it.index");
      if (given != null && !given.isBlank()) {
        index = Path.of(given);
      } else {
        index = home().resolve("target/it-index/default");
        var taxonomy = OnetLoader.load(onet30(), Optional.empty());
        new IndexBuilder(encoder(), HnswParams.DEFAULT, (done, total) -> {}).build(taxonomy, onet30().toString(),
            SkillDictionary.load(onet30()), Optional.of(crosswalk()), index);
      }
    }
    return index;
  }

  private static CandidatePool pool;

  /**
   * The candidate pool of {@value #IT_CVS} generated CVs (seed 42) beside {@link #index()}, in
   * {@code target/it-index/candidates} (or {@code -Djobcode.it.pool=DIR}), filled on first call; shared
   * by the test classes of the JVM: read it, never change or close it.
   */
  public static synchronized CandidatePool pool() {
    if (pool == null) {
      Path dir = poolDir();
      boolean fresh = !PoolMeta.exists(dir);
      pool = CandidatePool.open(dir, encoder().model(), HnswParams.DEFAULT);
      if (fresh) {
        var taxonomy = OnetLoader.load(onet30(), Optional.empty());
        var cvs = new CorpusGenerator(taxonomy, OnetFacts.load(onet30())).generate(IT_CVS, 42);
        new CandidateIntake(pool, classifier()).submit(cvs.stream()
            .map(cv -> new CandidateIntake.Submission(cv, "generated", false)).toList());
      }
    }
    return pool;
  }

  /** The first {@code n} CVs the generator makes from O*NET 30.0 with seed 42 (the pool's first ones). */
  public static List<Cv> generatedCvs(int n) {
    var taxonomy = OnetLoader.load(onet30(), Optional.empty());
    return new CorpusGenerator(taxonomy, OnetFacts.load(onet30())).generate(n, 42);
  }

  /** Where {@link #pool()} lives. */
  public static Path poolDir() {
    String given = System.getProperty("jobcode.it.pool");
    return given != null && !given.isBlank() ? Path.of(given) : home().resolve("target/it-index/candidates");
  }

  public static synchronized Classifier classifier() {
    if (classifier == null) {
      classifier = new Classifier(OnetIndex.open(index(), encoder().model()), encoder(),
          ClassifierSettings.forModel(encoder().model().id()));
    }
    return classifier;
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalStateException("integration tests need " + p + " (the shared data beside the checkout)");
    }
    return p;
  }
}
