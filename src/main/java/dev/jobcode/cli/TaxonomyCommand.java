package dev.jobcode.cli;

import dev.jobcode.index.IndexedTaxonomy;
import dev.jobcode.json.Json;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TaxonomyDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobcode taxonomy diff}: what changed between two O*NET releases. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true, description = "Look at O*NET releases.",
    subcommands = TaxonomyCommand.Diff.class)
final class TaxonomyCommand implements Runnable {
  @Override
  public void run() {
    throw new Main.UsageException("name a taxonomy command: diff");
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "What changed from release OLD to release NEW: occupations added, removed, retitled and "
          + "redescribed (by O*NET-SOC code); alternate titles and tasks added and removed per occupation; counts "
          + "by major group. Texts compare equal when they differ only in case or white space.")
  static final class Diff implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier release: an O*NET text database folder or a built index")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later release: an O*NET text database folder or a built index")
    Path current;

    @Option(names = "--out", paramLabel = "FILE.json", description = "also write the whole diff there as JSON")
    Path out;

    @Option(names = "--json", description = "print the whole diff as JSON instead of the summary")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + ChangesSummary.DEFAULT_LIMIT,
        description = "changes of each kind listed in the summary (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new Main.UsageException("--limit must be 0 or more, got " + limit);
      }
      long start = System.nanoTime();
      Taxonomy before = IndexedTaxonomy.load(old);
      Taxonomy after = IndexedTaxonomy.load(current);
      long loaded = System.nanoTime();
      TaxonomyDiff diff = TaxonomyDiff.between(before, after);
      long compared = System.nanoTime();
      PrintWriter stdout = spec.commandLine().getOut();
      if (json) {
        stdout.println(Json.pretty(diff));
      } else {
        ChangesSummary.print(diff, limit, stdout);
      }
      if (out != null) {
        ChangesSummary.write(diff, out);
      }
      spec.commandLine().getErr().printf(Locale.ROOT, "jobcode: read both releases in %.2f s, compared them in %.3f s%s%n",
          (loaded - start) / 1e9, (compared - loaded) / 1e9, out == null ? "" : "; wrote " + out);
      return 0;
    }
  }
}
