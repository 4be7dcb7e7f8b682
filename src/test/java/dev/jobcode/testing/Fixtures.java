package dev.jobcode.testing;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.corpus.CorpusGenerator;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.OnetFacts;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.server.ServerSettings;
import dev.jobcode.skills.Skill;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.SocCrosswalk;
import dev.jobcode.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The hand-made five-occupation O*NET fixture, and indexes built from it with the fake encoder. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code src/test/resources/onet/db_99_1_text}: O*NET "99.1", five occupations. */
  public static Path onetDir() {
    try {
      return Path.of(Fixtures.class.getResource("/onet/db_99_1_text").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code src/test/resources/soc}: a hand-made SOC 2010 → 2018 crosswalk for the fixture: unchanged
   * codes (11-1011, 29-1141, 47-2111), a renumbered one (15-1121 → 15-1211, not in the fixture), a
   * real split of which the fixture has one side (15-1132 → 15-1252, 15-1253) and a made-up split of
   * which it has both (43-4199 → 43-4041, 43-4051).
   */
  public static Path socDir() {
    try {
      return Path.of(Fixtures.class.getResource("/soc").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SocCrosswalk crosswalk() {
    return SocCrosswalk.load(socDir().resolve(SocCrosswalk.FILE_NAME));
  }

  public static Taxonomy taxonomy() {
    return OnetLoader.load(onetDir(), Optional.empty());
  }

  /** Builds the fixture's index into {@code dir} with {@code encoder}, and {@link #skills()}. */
  public static void buildIndex(Encoder encoder, Path dir) {
    new IndexBuilder(encoder, HnswParams.DEFAULT, ProgressListener.NONE).build(taxonomy(), onetDir().toString(),
        skills(), Optional.of(crosswalk()), dir);
  }

  /** A hand-made skills dictionary for the fixture's five occupations, with O*NET's names. */
  public static SkillDictionary skills() {
    return SkillDictionary.of(List.of(
        new Skill("Epic Systems", "43231506", "Medical software", true, Skill.Kind.TECHNOLOGY),
        new Skill("Microsoft Excel", "43232110", "Spreadsheet software", true, Skill.Kind.TECHNOLOGY),
        new Skill("Python", "43232405", "Object or component oriented development software", true,
            Skill.Kind.TECHNOLOGY),
        new Skill("Oracle Java", "43232405", "Object or component oriented development software", true,
            Skill.Kind.TECHNOLOGY),
        new Skill("Structured query language SQL", "43232306", "Data base user interface and query software", true,
            Skill.Kind.TECHNOLOGY),
        new Skill("Salesforce software", "43232303", "Customer relationship management CRM software", true,
            Skill.Kind.TECHNOLOGY),
        new Skill("Multimeters", "41113637", "Multimeters", false, Skill.Kind.TOOL),
        new Skill("Stethoscopes", "42181604", "Stethoscopes", false, Skill.Kind.TOOL)));
  }

  /**
   * Builds the fixture, labelled as taxonomy {@code version}, into {@code dir} with {@code encoder}
   * and opens a classifier on it; the caller owns (and closes) its index.
   */
  public static Classifier classifierAt(Path dir, String version, Encoder encoder) {
    Taxonomy fixture = taxonomy();
    Taxonomy labelled = new Taxonomy(fixture.name(), version, fixture.occupations(), fixture.texts());
    return classifierOf(labelled, onetDir(), dir, encoder);
  }

  /**
   * Builds {@code taxonomy}, read from {@code onet}, into {@code dir} with {@code encoder} and the
   * fixture's skills, and opens a classifier on it; the caller owns (and closes) its index.
   */
  public static Classifier classifierOf(Taxonomy taxonomy, Path onet, Path dir, Encoder encoder) {
    new IndexBuilder(encoder, HnswParams.DEFAULT, ProgressListener.NONE).build(taxonomy, onet.toString(), skills(),
        Optional.of(crosswalk()), dir);
    return new Classifier(OnetIndex.open(dir, encoder.model()), encoder, ClassifierSettings.DEFAULT);
  }

  /** The server's defaults with small limits (64 KiB bodies, batches of 4), so that tests can reach them. */
  public static ServerSettings smallLimits() {
    ServerSettings d = ServerSettings.DEFAULT;
    return new ServerSettings(64 * 1024, 4, d.maxInFlight(), d.queueTimeout(), d.idleTimeout(), d.drainTimeout(),
        d.corsOrigins(), d.adminToken(), d.metrics(), d.writeToken(), d.maxUploadBytes());
  }

  /** A candidate search by text, without filters. */
  public static CandidateQuery textQuery(String text, int k) {
    return new CandidateQuery(text, null, k, CandidateFilter.NONE);
  }

  private static Classifier shared;

  /** CVs generated from the fixture: {@value #FIXTURE_CVS} of them, seed 7. */
  public static final int FIXTURE_CVS = 300;

  public static List<Cv> cvs() {
    return new CorpusGenerator(taxonomy(), OnetFacts.load(onetDir())).generate(FIXTURE_CVS, 7);
  }

  private static CandidatePool pool;

  /**
   * A candidate pool of the {@value #FIXTURE_CVS} generated fixture CVs, encoded by the fake encoder
   * through {@link CandidateIntake} over {@link #classifier()}; built once per test JVM in a
   * temporary folder (read-only use: tests must not change or close it).
   */
  public static synchronized CandidatePool pool() {
    if (pool == null) {
      pool = newPool(TempDirs.create("jobcode-fixture-pool-").resolve("pool"), cvs());
    }
    return pool;
  }

  /** A new pool in {@code dir} holding {@code cvs}, over {@link #classifier()}; the caller closes it. */
  public static CandidatePool newPool(Path dir, List<Cv> cvs) {
    CandidatePool p = CandidatePool.open(dir, FakeEncoder.MODEL, HnswParams.DEFAULT);
    new CandidateIntake(p, classifier()).submit(cvs.stream()
        .map(cv -> new CandidateIntake.Submission(cv, "fixture", false)).toList());
    return p;
  }

  /**
   * A classifier over the fixture's index with the fake encoder, built once per test JVM in a
   * temporary folder (read-only use: tests must not close it).
   */
  public static synchronized Classifier classifier() {
    if (shared == null) {
      Path dir = TempDirs.create("jobcode-fixture-").resolve("default");
      FakeEncoder encoder = new FakeEncoder();
      buildIndex(encoder, dir);
      shared = new Classifier(OnetIndex.open(dir, encoder.model()), encoder, ClassifierSettings.DEFAULT);
    }
    return shared;
  }
}
