package dev.jobcode.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default locations. Relative ones are resolved against the jobcode checkout (the launcher passes
 * {@code -Djobcode.home}), so the commands behave the same from any working directory.
 */
final class Defaults {
  static final String INDEX = "index/default";
  static final String MODELS = "models";
  /** The candidate pool: CVs live apart from the occupation index, which a new O*NET release replaces. */
  static final String POOL = "index/candidates";
  /** The generated default CV corpus (10,000 CVs, seed 42), beside the indexes it feeds. */
  static final String CORPUS = "index/cvs-10000-seed42.jsonl";

  private Defaults() {}

  static Path home() {
    return Path.of(System.getProperty("jobcode.home", ".")).toAbsolutePath().normalize();
  }

  static Path index() {
    return home().resolve(INDEX);
  }

  static Path pool() {
    return home().resolve(POOL);
  }

  static Path corpus() {
    return home().resolve(CORPUS);
  }

  static Path models() {
    return home().resolve(MODELS);
  }

  /** Unlabelled real-world titles for benchmarks and load tests: never for tuning or indexing. */
  static Path rawTitles() {
    return home().resolve("../shared/data/eval/raw-titles-unlabelled.csv").normalize();
  }

  /** Employers' titles in their file's order, repeats kept (the h1b set): the bench's stream for the answer cache. */
  static Path repeatedTitles() {
    return home().resolve("../shared/data/eval/h1b-titles-soc.tsv").normalize();
  }

  /** The peer's bench script (the seed's transformers.js path), beside the checkout. */
  static Path peerScript() {
    return home().resolve("../shared/bench/peer-js/run.sh").normalize();
  }

  /** {@code $SOC_DIR}, else {@code data/soc}, else {@code ../shared/data/soc}: the SOC 2010 → 2018 crosswalk's folder. */
  static Path soc() {
    String env = System.getenv("SOC_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path local = home().resolve("data/soc");
    if (Files.isDirectory(local)) {
      return local;
    }
    return home().resolve("../shared/data/soc").normalize();
  }

  /** {@code $ONET_DIR}, else {@code data/onet}, else {@code ../shared/data/onet/db_30_0_text}. */
  static Path onet() {
    String env = System.getenv("ONET_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path local = home().resolve("data/onet");
    if (Files.isDirectory(local)) {
      return local;
    }
    return home().resolve("../shared/data/onet/db_30_0_text").normalize();
  }
}
