package dev.jobcode.cli;

import dev.jobcode.classify.CandidateQuery;
import dev.jobcode.classify.CandidateSearch;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.eval.CandidateHoldout;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidateIndex;
import dev.jobcode.json.Json;
import dev.jobcode.server.Api;
import dev.jobcode.taxonomy.OnetCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobcode candidates search|classify|eval}: the candidate index from the command line; eval
 * runs {@link CandidateHoldout}.
 */
@Command(name = "candidates", mixinStandardHelpOptions = true,
    description = "Search the CVs indexed with 'jobcode index --cvs', classify by their vote, measure.",
    subcommands = {CandidatesCommand.Search.class, CandidatesCommand.Classify.class, CandidatesCommand.Eval.class})
final class CandidatesCommand implements Runnable {
  @Override
  public void run() {
    throw new Main.UsageException("name a candidates command: search, classify or eval");
  }

  /** What to search with: a text, a file's text, or an indexed CV. */
  static final class Target {
    @Option(names = "--text", paramLabel = "TEXT", description = "a CV or a job opening")
    String text;

    @Option(names = "--text-file", paramLabel = "FILE", description = "a file holding the CV or job opening")
    Path textFile;

    @Option(names = "--id", paramLabel = "ID", description = "an indexed CV: find candidates like it")
    String id;

    String text() {
      if (textFile == null) {
        return text;
      }
      try {
        return Files.readString(textFile);
      } catch (IOException e) {
        throw new Main.UsageException("cannot read --text-file " + textFile + ": " + e.getMessage());
      }
    }
  }

  static CandidateQuery query(Target target, int k, CandidateFilter filter) {
    try {
      return new CandidateQuery(target.text(), target.id, k, filter);
    } catch (InvalidQueryException e) {
      throw new Main.UsageException(e.getMessage());
    }
  }

  static void print(PrintWriter out, Object body) {
    out.println(Json.pretty(body));
  }

  static CandidateSearch open(Engine engine) {
    CandidateSearch search = CandidateSearch.of(engine.classifier());
    if (!search.available()) {
      throw new Main.UsageException(new CandidateSearch.NoCandidatesException().getMessage());
    }
    return search;
  }

  @Command(name = "search", mixinStandardHelpOptions = true, description = "The candidates most similar to a text or CV.")
  static final class Search implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "-k", defaultValue = "" + CandidateQuery.DEFAULT_K, description = "how many, 1..100 (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--onet-code", paramLabel = "CODE", description = "only CVs of this O*NET-SOC occupation")
    String onetCode;

    @Option(names = "--major-group", paramLabel = "NN", description = "only CVs in this SOC major group, e.g. 29")
    String majorGroup;

    @Option(names = "--level", description = "only CVs at this level (intern … owner)")
    String level;

    @Option(names = "--min-years", paramLabel = "N", description = "only CVs with at least N years of experience")
    Integer minYears;

    @Option(names = "--it", paramLabel = "true|false", arity = "1", description = "only IT (true) or non-IT (false) CVs")
    Boolean it;

    @Option(names = "--json", description = "print the API's JSON instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (onetCode != null && !OnetCodes.isValid(onetCode)) {
        throw new Main.UsageException("--onet-code must be an O*NET-SOC code like 29-1141.00, got '" + onetCode + "'");
      }
      if (majorGroup != null && !majorGroup.matches("\\d\\d")) {
        throw new Main.UsageException("--major-group must be two digits like 29, got '" + majorGroup + "'");
      }
      CandidateQuery query = query(target, k, new CandidateFilter(onetCode, majorGroup, level, minYears, it));
      try (Engine opened = engine.open()) {
        List<CandidateSearch.Found> found;
        try {
          found = open(opened).search(query);
        } catch (CandidateSearch.UnknownCandidateException e) {
          throw new Main.UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          print(out, new Api.CandidateSearchResponse(found.stream().map(Api.CandidateView::of).toList()));
        } else {
          for (CandidateSearch.Found f : found) {
            Candidate c = f.candidate();
            out.printf(Locale.ROOT, "%-10s %.3f  %-40s %-10s %-8s %3s y  %s%n", c.id(), f.score(),
                truncate(c.headline() == null ? "" : c.headline(), 40), c.onetCode() == null ? "-" : c.onetCode(),
                c.level() == null ? "-" : c.level(), c.years() == null ? "-" : c.years(), f.snippet());
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Occupations of a text or CV by the similarity-weighted vote of the nearest labelled CVs.")
  static final class Classify implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "-k", defaultValue = "" + CandidateSearch.DEFAULT_VOTERS, description = "voters, 1..100 (default: ${DEFAULT-VALUE})")
    int k;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      CandidateQuery query = query(target, k, CandidateFilter.NONE);
      try (Engine opened = engine.open()) {
        CandidateSearch.Vote vote;
        try {
          vote = open(opened).vote(query);
        } catch (CandidateSearch.UnknownCandidateException e) {
          throw new Main.UsageException(e.getMessage());
        }
        print(spec.commandLine().getOut(), Api.CandidateVoteResponse.of(vote));
      }
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Leave-out evaluation: hold out a share of the labelled CVs, classify each by the vote of the "
          + "rest and by the occupation classifier, and report top-1 occupation and major-group accuracy.")
  static final class Eval implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--holdout", defaultValue = "0.1", description = "share of labelled CVs held out (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the held-out draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "-k", defaultValue = "" + CandidateSearch.DEFAULT_VOTERS, description = "voters (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the figures as JSON")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!(holdout > 0 && holdout < 1)) {
        throw new Main.UsageException("--holdout must be between 0 and 1, got " + holdout);
      }
      if (k < 1 || k > CandidateQuery.MAX_K) {
        throw new Main.UsageException("-k must be 1.." + CandidateQuery.MAX_K + ", got " + k);
      }
      try (Engine opened = engine.open()) {
        open(opened);  // an index without CVs is refused here, with what to do
        CandidateIndex index = opened.classifier().index().candidates().orElseThrow();
        CandidateHoldout holdout;
        try {
          holdout = CandidateHoldout.draw(index, this.holdout, seed);
        } catch (IllegalArgumentException e) {
          throw new Main.UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "jobcode: holding out %,d of %,d labelled CVs (seed %d)%n", holdout.size(),
            holdout.labelled(), seed);
        err.flush();
        CandidateHoldout.Result r = holdout.evaluate(opened.classifier(), k);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "held out %d CVs; kNN vote of %d nearest CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            r.heldOut(), r.k(), 100 * r.vote().onetTop1(), 100 * r.vote().majorTop1(), r.vote().cvsPerSecond());
        w.printf(Locale.ROOT, "occupation classifier (headline + CV text) on the same CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            100 * r.classifier().onetTop1(), 100 * r.classifier().majorTop1(), r.classifier().cvsPerSecond());
        w.flush();
        if (out != null) {
          Json.write(out, r);
        }
      }
      return 0;
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
