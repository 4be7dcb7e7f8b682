package dev.jobcode.cli;

import dev.jobcode.corpus.CorpusGenerator;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.corpus.OnetFacts;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobcode corpus generate}: the fictional CV corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Make CV corpora.",
    subcommands = CorpusCommand.Generate.class)
final class CorpusCommand implements Runnable {
  static final int DEFAULT_COUNT = 10_000;
  static final long DEFAULT_SEED = 42;

  @Override
  public void run() {
    throw new Main.UsageException("name a corpus command: generate");
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write a deterministic corpus of fictional CVs built from O*NET facts as JSONL "
          + "(same data, count and seed: the same file, byte for byte).")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "" + DEFAULT_COUNT, description = "how many CVs (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--onet", paramLabel = "DIR", description = "O*NET text database folder (default: as for index)")
    Path onet;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, description = "where to write the CVs")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (count < 1 || count > 1_000_000) {
        throw new Main.UsageException("--count must be 1..1000000, got " + count);
      }
      generate(onet != null ? onet : Defaults.onet(), count, seed, out, spec.commandLine().getErr());
      return 0;
    }
  }

  /** Generates and writes; says what it wrote to {@code err}. Shared with {@code serve}'s first run. */
  static void generate(Path onetDir, int count, long seed, Path out, PrintWriter err) {
    Taxonomy taxonomy = OnetLoader.load(onetDir, Optional.empty());
    List<Cv> cvs = new CorpusGenerator(taxonomy, OnetFacts.load(onetDir)).generate(count, seed);
    CvFile.write(out, cvs);
    long it = cvs.stream().filter(cv -> Boolean.TRUE.equals(cv.it())).count();
    long occupations = cvs.stream().map(Cv::onetCode).distinct().count();
    err.printf(Locale.ROOT, "jobcode: wrote %,d CVs (seed %d; %,d occupations, %.1f%% IT) to %s%n",
        cvs.size(), seed, occupations, 100.0 * it / cvs.size(), out);
  }
}
