package dev.jobcode.cli;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.candidates.CvFiles;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.documents.ExtractionLimits;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.eval.CandidateHoldout;
import dev.jobcode.eval.CvStyles;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.LegacyCandidates;
import dev.jobcode.index.PoolExport;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.PooledCv;
import dev.jobcode.json.Json;
import dev.jobcode.server.Api;
import dev.jobcode.taxonomy.OccupationCodeException;
import dev.jobcode.taxonomy.OccupationCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobcode candidates …}: the candidate pool from the command line. Search, classify and eval
 * read it (also while a server holds it); add, delete and list work on its folder when no server
 * holds it, and through a server's API with {@code --url}; reencode and migrate rebuild it.
 */
@Command(name = "candidates", mixinStandardHelpOptions = true,
    description = "The candidate pool: add, delete and list CVs, search them, classify by their vote, measure.",
    subcommands = {CandidatesCommand.Add.class, CandidatesCommand.Delete.class, CandidatesCommand.ListCvs.class,
        CandidatesCommand.Search.class, CandidatesCommand.Classify.class, CandidatesCommand.Eval.class,
        CandidatesCommand.Reencode.class, CandidatesCommand.Migrate.class, CandidatesCommand.Export.class,
        CandidatesCommand.Import.class, CandidatesCommand.Bench.class})
final class CandidatesCommand implements Runnable {
  @Override
  public void run() {
    throw new Main.UsageException("name a candidates command: add, delete, list, search, classify, eval, reencode, "
        + "migrate, export, import or bench");
  }

  /** What to search with: a text, a file's text, or an indexed CV. */
  static final class Target {
    @Option(names = "--text", paramLabel = "TEXT", description = "a CV or a job opening")
    String text;

    @Option(names = "--text-file", paramLabel = "FILE", description = "a file holding the CV or job opening")
    Path textFile;

    @Option(names = "--id", paramLabel = "ID", description = "a CV of the pool: find candidates like it")
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

  /** {@code --url} and the write token: where a running server takes the change. */
  static final class Remote {
    @Option(names = "--url", paramLabel = "URL",
        description = "a running jobcode server (e.g. http://127.0.0.1:8080): the change goes through its API")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "with --url: the server's write token, in FILE (or in $" + Tokens.WRITE_ENV + ")")
    Path tokenFile;

    PoolClient client(boolean write) {
      String token = Tokens.read(tokenFile, "--token-file", Tokens.WRITE_ENV);
      if (write && token == null) {
        throw new Main.UsageException("--url needs the server's write token: --token-file FILE or $"
            + Tokens.WRITE_ENV);
      }
      return new PoolClient(url, token);
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

  /** The pool to read, refused with what to do when there is none. */
  static CandidateSearch open(Engine engine) {
    if (engine.pool() == null) {
      throw new Main.UsageException(new CandidateSearch.NoCandidatesException().getMessage());
    }
    return CandidateSearch.of(engine.classifier(), engine.pool());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add CVs: files and folders (recursively) of PDF, DOCX, DOC, ODT, RTF, HTML, Markdown or text "
          + "CVs (one CV a file), and JSONL, CSV, TSV or Excel files of CVs. A file that cannot be read is reported "
          + "and skipped; the same text twice is reported as a duplicate. Exit 1 when a file failed.")
  static final class Add implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @Mixin
    Remote remote = new Remote();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "CV files and folders")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<CvFiles.Failure> failures = new ArrayList<>();
      List<Path> files = CvFiles.expand(paths, failures);
      long start = System.nanoTime();
      Tally tally = remote.url != null ? addRemote(files, failures, out, err) : addLocal(files, failures, out, err);
      double seconds = (System.nanoTime() - start) / 1e9;
      failures.forEach(f -> err.println("jobcode: skipped " + f.file() + ": " + f.reason()));
      Map<String, Long> byKind = new TreeMap<>();
      failures.forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
      int cvs = tally.added + tally.duplicates + tally.taken;
      err.printf(Locale.ROOT, "jobcode: %,d added, %,d duplicates, %,d already in the pool, %,d files failed%s; "
              + "%,d files, %,d CVs in %.1f s (%.1f CVs/s)%n", tally.added, tally.duplicates, tally.taken,
          failures.size(), byKind.isEmpty() ? "" : " " + byKind, files.size(), cvs, seconds,
          cvs / Math.max(seconds, 1e-9));
      out.flush();
      err.flush();
      return failures.isEmpty() ? 0 : 1;
    }

    private Tally addLocal(List<Path> files, List<CvFiles.Failure> failures, PrintWriter out, PrintWriter err) {
      Tally tally = new Tally();
      try (Engine opened = engine.open(pool, Engine.PoolAccess.WRITE);
           TextExtractor extractor = new TextExtractor(ExtractionLimits.DEFAULT)) {
        CvFiles.Read read = CvFiles.read(files, extractor, opened.classifier().index().codes(),
            new ProgressBar(err, "reading files"));
        failures.addAll(read.failures());
        var results = new CandidateIntake(opened.pool(), opened.classifier())
            .submit(read.submissions(), new ProgressBar(err, "encoding CVs"));
        for (CandidateIntake.Result r : results) {
          tally.count(r.outcome());
          out.println(line(r.id(), r.source(), r.outcome(), r.duplicateOf(), r.inferred()));
        }
      }
      return tally;
    }

    private Tally addRemote(List<Path> files, List<CvFiles.Failure> failures, PrintWriter out, PrintWriter err) {
      PoolClient client = remote.client(true);
      Tally tally = new Tally();
      ProgressBar progress = new ProgressBar(err, "sending CVs");
      int done = 0;
      for (Path file : files) {
        List<PoolClient.Answer> answers = new ArrayList<>();
        if (CvFiles.isDocument(file)) {
          answers.add(client.addFile(file));
        } else {
          CvFiles.Read read = CvFiles.read(List.of(file), null, dev.jobcode.index.ProgressListener.NONE);
          failures.addAll(read.failures());
          read.submissions().forEach(s -> answers.add(client.addJson(s.cv())));
        }
        for (PoolClient.Answer a : answers) {
          if (a.ok()) {
            tally.count(CandidateStore.Outcome.ADDED);
            List<String> inferred = new ArrayList<>();
            a.body().path("inferred").forEach(n -> inferred.add(n.asText()));
            out.println(line(a.body().path("id").asText(), file.toString(), CandidateStore.Outcome.ADDED, null,
                inferred));
          } else if (a.status() == 409) {
            tally.count(a.body().at("/error/code").asText().equals("duplicate") ? CandidateStore.Outcome.DUPLICATE
                : CandidateStore.Outcome.ID_TAKEN);
            err.println("jobcode: " + file + ": " + a.error());
          } else if (a.status() == 401 || a.status() == 404 && a.body().at("/error/code").asText().equals("not_found")
              && a.body().at("/error/message").asText().startsWith("no route")) {
            throw new Main.UsageException(remote.url + " refused the change: " + a.error()
                + (a.status() == 401 ? "" : "; start the server with a write token (--write-token-file)"));
          } else {
            failures.add(new CvFiles.Failure(file, a.error(), a.body().at("/error/code").asText("refused")));
          }
        }
        progress.progress(++done, files.size());
      }
      return tally;
    }

    private static String line(String id, String source, CandidateStore.Outcome outcome, String duplicateOf,
                               List<String> inferred) {
      String what = switch (outcome) {
        case ADDED -> "added" + (inferred.isEmpty() ? "" : "; inferred " + String.join(", ", inferred));
        case REPLACED -> "replaced";
        case DUPLICATE -> "duplicate of " + duplicateOf + ": not added";
        case ID_TAKEN -> "id already in the pool: not added (replace it through the API's PUT)";
        case NOT_FOUND -> "not found";
      };
      return id + "\t" + (source == null ? "" : source) + "\t" + what;
    }
  }

  /** What an add did, counted. */
  private static final class Tally {
    int added;
    int duplicates;
    int taken;

    void count(CandidateStore.Outcome outcome) {
      switch (outcome) {
        case ADDED, REPLACED -> added++;
        case DUPLICATE -> duplicates++;
        case ID_TAKEN, NOT_FOUND -> taken++;
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Erase CVs by id: gone from search at once, and from the pool's files before the command "
          + "(or, with --url, within a minute of the server's answer). Exit 1 when an id was not found.")
  static final class Delete implements Callable<Integer> {
    @Mixin
    PoolOption pool = new PoolOption();

    @Mixin
    Remote remote = new Remote();

    @Parameters(paramLabel = "ID", arity = "1..*", description = "ids of CVs in the pool")
    List<String> ids;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int missing = 0;
      if (remote.url != null) {
        PoolClient client = remote.client(true);
        for (String id : ids) {
          PoolClient.Answer a = client.delete(id);
          if (a.ok()) {
            out.println(id + "\tdeleted at " + a.body().path("deleted_at").asText() + "; out of the files by "
                + a.body().path("erased_from_files_by").asText());
          } else if (a.status() == 404 && a.body().at("/error/message").asText().startsWith("no candidate")) {
            err.println("jobcode: " + id + ": not in the pool");
            missing++;
          } else {
            throw new Main.UsageException(remote.url + " refused the delete: " + a.error());
          }
        }
      } else {
        try (CandidateStore opened = pool.openExisting()) {
          List<CandidateStore.Receipt> receipts = opened.delete(ids);
          if (opened instanceof CandidatePool embedded) {
            embedded.mergeDeletes();
          }
          for (CandidateStore.Receipt r : receipts) {
            out.println(r.id() + "\tdeleted at " + r.deletedAt() + (opened instanceof CandidatePool
                ? "; out of the files now" : "; OpenSearch merges it out of its files"));
          }
          for (String id : ids) {
            if (receipts.stream().noneMatch(r -> r.id().equals(id))) {
              err.println("jobcode: " + id + ": not in the pool");
              missing++;
            }
          }
        }
      }
      out.flush();
      err.flush();
      return missing == 0 ? 0 : 1;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The pool's CVs by id: name, occupation, level, years, IT, inferred labels (*) and when added.")
  static final class ListCvs implements Callable<Integer> {
    @Mixin
    PoolOption pool = new PoolOption();

    @Mixin
    Remote remote = new Remote();

    @Option(names = "--json", description = "print JSON (as GET /v1/candidates) instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      List<Api.CandidateSummary> items = new ArrayList<>();
      if (remote.url != null) {
        PoolClient client = remote.client(false);
        for (int offset = 0; ; ) {
          PoolClient.Answer a = client.list(offset, 1000);
          if (!a.ok()) {
            throw new Main.UsageException(remote.url + " refused the listing: " + a.error());
          }
          for (var node : a.body().path("items")) {
            items.add(Json.MAPPER.convertValue(node, Api.CandidateSummary.class));
          }
          offset += a.body().path("items").size();
          if (a.body().path("items").isEmpty() || offset >= a.body().path("total").asInt()) {
            break;
          }
        }
      } else {
        if (!pool.exists()) {
          throw new Main.UsageException(new CandidateSearch.NoCandidatesException().getMessage()
              + " (no pool at " + pool.location() + ")");
        }
        try (CandidateStore opened = pool.openReadOnly()) {
          opened.list().stream().map(Api.CandidateSummary::of).forEach(items::add);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        print(out, new Api.CandidateList(items.size(), 0, items));
      } else {
        out.printf(Locale.ROOT, "%-22s %-24s %-10s %-10s %5s %-3s %-20s %s%n", "id", "name", "onet_code", "level",
            "years", "it", "added_at", "source");
        for (Api.CandidateSummary c : items) {
          out.printf(Locale.ROOT, "%-22s %-24s %-10s %-10s %5s %-3s %-20s %s%n", c.id(), truncate(orDash(c.name()), 24),
              mark(c.onetCode(), "onet_code", c), mark(c.level(), "level", c),
              mark(c.years() == null ? null : c.years().toString(), "years", c),
              mark(c.it() == null ? null : c.it() ? "Y" : "N", "it", c), orDash(c.addedAt()), orDash(c.source()));
        }
        out.printf(Locale.ROOT, "%,d CVs; * inferred by jobcode%n", items.size());
      }
      out.flush();
      return 0;
    }

    private static String mark(String value, String label, Api.CandidateSummary c) {
      return value == null ? "-" : value + (c.inferred() != null && c.inferred().contains(label) ? "*" : "");
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true, description = "The candidates most similar to a text or CV.")
  static final class Search implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "-k", defaultValue = "" + CandidateQuery.DEFAULT_K, description = "how many, 1..100 (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--onet-code", paramLabel = "CODE", description = "only CVs of this occupation: an O*NET-SOC "
        + "code (29-1141.00), or a SOC 2018 or SOC 2010 code (29-1141, 15-1132) for any of the occupations it means")
    String onetCode;

    @Option(names = "--major-group", paramLabel = "NN", description = "only CVs in this SOC major group, e.g. 29")
    String majorGroup;

    @Option(names = "--level", description = "only CVs at this level (intern … owner)")
    String level;

    @Option(names = "--min-years", paramLabel = "N", description = "only CVs with at least N years of experience")
    Integer minYears;

    @Option(names = "--it", paramLabel = "true|false", arity = "1", description = "only IT (true) or non-IT (false) CVs")
    Boolean it;

    @Option(names = "--skill", paramLabel = "NAME",
        description = "only CVs that name this technology skill or tool (repeatable: all of them), e.g. Python")
    List<String> skills = new ArrayList<>();

    @Option(names = "--json", description = "print the API's JSON instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (onetCode != null && !OccupationCodes.wellFormed(onetCode)) {
        throw new Main.UsageException("--onet-code must be an O*NET-SOC code like 29-1141.00 or a SOC code like "
            + "29-1141, got '" + onetCode + "'");
      }
      if (majorGroup != null && !majorGroup.matches("\\d\\d")) {
        throw new Main.UsageException("--major-group must be two digits like 29, got '" + majorGroup + "'");
      }
      try (Engine opened = engine.open(pool, Engine.PoolAccess.READ)) {
        List<String> names = new ArrayList<>();
        for (String s : skills) {
          names.add(opened.classifier().index().skills().resolve(s).orElseThrow(() -> new Main.UsageException(
              "--skill '" + s + "' is not a technology skill or tool of O*NET "
                  + opened.classifier().index().meta().taxonomy().version())).name());
        }
        OccupationCodes.Resolution read = null;
        if (onetCode != null) {
          try {
            read = opened.classifier().index().codes().resolve(onetCode);
          } catch (OccupationCodeException e) {
            throw new Main.UsageException("--onet-code: " + e.getMessage());
          }
          if (read.mapped() && !json) {
            spec.commandLine().getErr().printf(Locale.ROOT, "jobcode: --onet-code %s read as %s %s (%s): %s%n",
                onetCode, read.mappedFrom().version(), read.mappedFrom().code(), read.mappedFrom().title(),
                String.join(", ", read.codes()));
          }
        }
        CandidateQuery query = query(target, k, new CandidateFilter(read == null ? List.of() : read.codes(),
            majorGroup, level, minYears, it, names, false));
        CandidateSearch.Results results;
        try {
          results = open(opened).search(query);
        } catch (CandidateSearch.UnknownCandidateException e) {
          throw new Main.UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          print(out, Api.CandidateSearchResponse.of(results, Api.CodeReading.of(read)));
        } else {
          for (CandidateSearch.Found f : results.found()) {
            Candidate c = f.candidate();
            out.printf(Locale.ROOT, "%-10s %.3f  %-40s %-10s %-8s %3s y  %s%n", c.id(), f.score(),
                truncate(orDash(c.headline()), 40), orDash(c.onetCode()), orDash(c.level()),
                c.years() == null ? "-" : c.years(), f.snippet());
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Occupations of a text or CV by the similarity-weighted vote of the nearest CVs labelled by "
          + "their owners (inferred labels never vote).")
  static final class Classify implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "-k", defaultValue = "" + CandidateSearch.DEFAULT_VOTERS, description = "voters, 1..100 (default: ${DEFAULT-VALUE})")
    int k;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      CandidateQuery query = query(target, k, CandidateFilter.NONE);
      try (Engine opened = engine.open(pool, Engine.PoolAccess.READ)) {
        CandidateSearch.Vote vote;
        try {
          vote = open(opened).vote(query);
        } catch (CandidateSearch.UnknownCandidateException e) {
          throw new Main.UsageException(e.getMessage());
        }
        print(spec.commandLine().getOut(), Api.CandidateVoteResponse.of(vote, null));
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

    @Mixin
    PoolOption pool = new PoolOption();

    @Option(names = "--holdout", defaultValue = "0.1", description = "share of labelled CVs held out (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the held-out draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "-k", defaultValue = "" + CandidateSearch.DEFAULT_VOTERS, description = "voters (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the figures as JSON")
    Path out;

    @Option(names = "--style", defaultValue = "generated",
        description = "the held-out CVs as generated, or rewritten as people write theirs (people: name on top, no "
            + "headline, skills first, bullets, half of them with garbled bullets like â€¢); default: ${DEFAULT-VALUE}")
    String style;

    @Option(names = "--no-repair", description = "leave mojibake in the held-out texts as it is (to measure the repair)")
    boolean noRepair;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      CvStyles.Style written = switch (style) {
        case "generated" -> CvStyles.Style.GENERATED;
        case "people" -> CvStyles.Style.PEOPLE;
        default -> throw new Main.UsageException("--style must be generated or people, got '" + style + "'");
      };
      if (!(holdout > 0 && holdout < 1)) {
        throw new Main.UsageException("--holdout must be between 0 and 1, got " + holdout);
      }
      if (k < 1 || k > CandidateQuery.MAX_K) {
        throw new Main.UsageException("-k must be 1.." + CandidateQuery.MAX_K + ", got " + k);
      }
      try (Engine opened = engine.open(pool, Engine.PoolAccess.READ)) {
        open(opened);  // no pool is refused here, with what to do
        CandidateHoldout holdout;
        try {
          holdout = CandidateHoldout.draw(opened.pool(), this.holdout, seed);
        } catch (IllegalArgumentException e) {
          throw new Main.UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "jobcode: holding out %,d of %,d labelled CVs (seed %d)%n", holdout.size(),
            holdout.labelled(), seed);
        err.flush();
        CandidateHoldout.Result r = holdout.evaluate(opened.classifier(), opened.pool(), k, written, !noRepair);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "held out %d CVs (%s style, mojibake %s)%n", r.heldOut(), r.style(),
            r.repaired() ? "repaired" : "left as it is");
        w.printf(Locale.ROOT, "kNN vote of %d nearest CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            r.k(), 100 * r.vote().onetTop1(), 100 * r.vote().majorTop1(), r.vote().cvsPerSecond());
        w.printf(Locale.ROOT, "occupation classifier (headline or first line + CV text) on the same CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            100 * r.classifier().onetTop1(), 100 * r.classifier().majorTop1(), r.classifier().cvsPerSecond());
        w.printf(Locale.ROOT, "occupation classifier (CV text alone) on the same CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            100 * r.classifierTextOnly().onetTop1(), 100 * r.classifierTextOnly().majorTop1(),
            r.classifierTextOnly().cvsPerSecond());
        w.printf(Locale.ROOT, "label inference (classifier with a headline, else the vote) on the same CVs: occupation top-1 %.1f%%, major group %.1f%% (%.1f CVs/s)%n",
            100 * r.inference().onetTop1(), 100 * r.inference().majorTop1(), r.inference().cvsPerSecond());
        w.flush();
        if (out != null) {
          Json.write(out, r);
        }
      }
      return 0;
    }
  }

  @Command(name = "reencode", mixinStandardHelpOptions = true,
      description = "Encode every CV of the pool again with the model of --index (after a model change), from "
          + "the stored CV texts; the pool is replaced atomically, and a failed run leaves it as it was.")
  static final class Reencode implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try (Engine opened = engine.open()) {
        PoolMeta before;
        try (CandidateStore old = pool.openReadOnly()) {
          before = old.meta();
        }
        PoolMeta after = pool.reencode(opened.encoder(), opened.classifier().index().meta().hnsw(),
            new ProgressBar(err, "encoding CVs"));
        err.printf(Locale.ROOT, "jobcode: re-encoded %,d CVs of %s: %s → %s%n", after.count(), pool.location(),
            before.model().id(), after.model().id());
      }
      return 0;
    }
  }

  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = "Move the CVs of an index built with 'jobcode index --cvs' (its candidates/ folder) into the "
          + "pool's own folder, with their vectors. 'jobcode serve' does this by itself when the pool is missing.")
  static final class Migrate implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (!LegacyCandidates.present(engine.indexDir())) {
        throw new Main.UsageException("the index at " + engine.indexDir() + " holds no CVs of its own (no "
            + "candidates/ folder): nothing to migrate");
      }
      try (Engine opened = engine.open(pool, Engine.PoolAccess.WRITE)) {
        Pools.migrate(engine.indexDir(), opened.pool(), spec.commandLine().getErr());
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every CV of the pool with its vector to one JSON Lines file, to import into another "
          + "store (embedded or OpenSearch) without encoding again.")
  static final class Export implements Callable<Integer> {
    @Mixin
    PoolOption pool = new PoolOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write (.jsonl)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      long start = System.nanoTime();
      try (CandidateStore opened = pool.openReadOnly()) {
        PoolExport.Header header = PoolExport.write(opened, out, new ProgressBar(err, "exporting CVs"));
        err.printf(Locale.ROOT, "jobcode: exported %,d CVs of %s (%s) to %s in %.1f s%n", header.count(),
            opened.location(), header.model().id(), out, (System.nanoTime() - start) / 1e9);
      }
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Fill a new (or empty) pool from a file of 'jobcode candidates export', with the vectors it holds: "
          + "the store is created for the export's model; a pool of another model, or one that holds CVs, is refused.")
  static final class Import implements Callable<Integer> {
    @Mixin
    PoolOption pool = new PoolOption();

    @Parameters(paramLabel = "FILE", arity = "1", description = "a file written by 'jobcode candidates export'")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        throw new Main.UsageException("no such file: " + file);
      }
      long start = System.nanoTime();
      try (PoolExport.Reader reader = PoolExport.read(file);
           CandidateStore target = pool.openWritable(reader.header().model(), reader.header().hnsw())) {
        int before = target.size();
        if (before > 0) {
          throw new Main.UsageException("the pool at " + target.location() + " holds " + before + " CVs; import "
              + "fills a new pool: name another " + (pool.openSearch() ? "--opensearch-index" : "--pool folder"));
        }
        ProgressBar progress = new ProgressBar(err, "importing CVs");
        int total = reader.header().count();
        int done = 0;
        for (List<PoolExport.Line> chunk = reader.next(500); !chunk.isEmpty(); chunk = reader.next(500)) {
          List<CandidateStore.Put> puts = chunk.stream()
              .map(l -> new CandidateStore.Put(l.entry(), l.vector(), false)).toList();
          for (CandidateStore.PutResult r : target.put(puts)) {
            if (!r.stored()) {
              err.println("jobcode: " + r.id() + ": not imported (" + r.outcome().name().toLowerCase(Locale.ROOT)
                  + (r.duplicateOf() != null ? " of " + r.duplicateOf() : "") + ")");
            } else {
              done++;
            }
          }
          progress.progress(done, Math.max(total, done));
        }
        err.printf(Locale.ROOT, "jobcode: imported %,d of %,d CVs into %s in %.1f s; it holds %,d%n", done, total,
            target.location(), (System.nanoTime() - start) / 1e9, target.size());
        return done == total ? 0 : 1;
      }
    }
  }

  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = "Measure the pool's store: candidate search p50/p99 by text and by id, without and with a "
          + "filter, and recall@10 against exact search over the stored vectors.")
  static final class Bench implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    PoolOption pool = new PoolOption();

    @Option(names = "--queries", paramLabel = "N", defaultValue = "200",
        description = "CVs of the pool used as queries (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (queries < 1) {
        throw new Main.UsageException("--queries must be at least 1, got " + queries);
      }
      try (Engine opened = engine.open(pool, Engine.PoolAccess.READ)) {
        open(opened);  // no pool is refused here, with what to do
        var report = dev.jobcode.measure.Bench.candidates(opened.classifier(), opened.pool(), queries);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.pretty(report) : dev.jobcode.measure.BenchTable.candidates(report));
        out.flush();
      }
      return 0;
    }
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
