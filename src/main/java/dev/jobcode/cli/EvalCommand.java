package dev.jobcode.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.ReviewRule;
import dev.jobcode.eval.EvalReport;
import dev.jobcode.eval.Evaluation;
import dev.jobcode.eval.LabelledSet;
import dev.jobcode.eval.Level;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobcode eval}: accuracy on a labelled set, at every level its labels allow. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure accuracy on a labelled TSV/CSV: top-1/3/5 at O*NET, SOC 6-digit and major-group level, "
        + "per row and per unique title, per major group, and the most frequent confusions.")
final class EvalCommand implements Callable<Integer> {
  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "--set", required = true, paramLabel = "FILE", description = "labelled TSV, CSV or Excel file")
  Path set;

  @Option(names = "--title-col", defaultValue = "title", description = "title column (default: ${DEFAULT-VALUE})")
  String titleColumn;

  @Option(names = "--codes-col", paramLabel = "COLUMN",
      description = "acceptable codes, '|'-separated O*NET or SOC codes (default: the first of onet_codes, onet_code, "
          + "soc2018_codes, soc2018_code, codes, code); a SOC 2010 code counts any of its SOC 2018 codes as right, "
          + "when the index holds the crosswalk")
  String codesColumn;

  @Option(names = "--description-col", paramLabel = "COLUMN", split = ",",
      description = "description column(s) to classify with; several are joined (e.g. responsibilities,qualifications)")
  List<String> descriptionColumns = new ArrayList<>();

  @Option(names = "--it-col", paramLabel = "COLUMN",
      description = "IT labels: Y/N, or job family names (IT families: see README)")
  String itColumn;

  @Option(names = "--level-col", paramLabel = "COLUMN", description = "level labels: C-Suite, VP, Director, Manager, Other")
  String levelColumn;

  @Option(names = "--area-col", paramLabel = "COLUMN", description = "area labels: Business, Technical, Sales-Marketing, Other")
  String areaColumn;

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "level of the per-group figures and confusions: onet, soc or major (default: the finest the labels allow)")
  String level;

  @Mixin
  ModeOption mode = new ModeOption();

  @Option(names = "--candidates", paramLabel = "N", description = "nearest documents the HNSW search returns (default: the classifier's)")
  Integer candidates;

  @Option(names = "--voters", paramLabel = "N", description = "vote mode: nearest documents that vote (default: the classifier's)")
  Integer voters;

  @Option(names = "--temperature", paramLabel = "T", description = "vote mode: softmax temperature (default: the classifier's)")
  Double temperature;

  @Option(names = "--soc-weight", paramLabel = "W", description = "vote mode: SOC 6-digit smoothing (default: the classifier's)")
  Double socWeight;

  @Option(names = "--major-weight", paramLabel = "W", description = "vote mode: major-group smoothing (default: the classifier's)")
  Double majorWeight;

  @Option(names = "--limit", paramLabel = "N", description = "only the first N rows")
  Integer limit;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the report as JSON")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Mode m = mode.mode();
    if (limit != null && limit < 1) {
      throw new Main.UsageException("--limit must be positive");
    }
    if (!Files.isRegularFile(set)) {
      throw new Main.UsageException("--set file not found: " + set);
    }
    LabelledSet labelled = LabelledSet.read(set, new LabelledSet.Columns(titleColumn, codesColumn, descriptionColumns,
        itColumn, levelColumn, areaColumn));
    if (limit != null) {
      labelled = labelled.limit(limit);
    }
    Level primary = level == null ? null : Arrays.stream(Level.values()).filter(l -> l.id().equals(level))
        .findFirst().orElseThrow(() -> new Main.UsageException("unknown --level '" + level + "': use onet, soc or major"));
    try (Engine opened = engine.open(adjust())) {
      Classifier classifier = opened.classifier();
      LabelledSet given = labelled;
      labelled = labelled.withCodesRead(classifier.index().codes());
      long mapped = labelled.rowsChangedFrom(given);
      if (mapped > 0) {
        spec.commandLine().getErr().printf(java.util.Locale.ROOT, "jobcode: %,d rows' SOC 2010 codes read as their SOC "
            + "2018 codes (any of them counts)%n", mapped);
      }
      primary = primary == null ? labelled.finest() : primary;
      if (labelled.hasCodes() && !labelled.levels().contains(primary)) {
        throw new Main.UsageException(set + " has SOC codes: it can be scored at soc or major level, not " + primary.id());
      }
      ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "classifying");
      Evaluation.Result result = Evaluation.run(labelled, classifier, m, primary, progress);
      ObjectNode json = toJson(result, m, classifier.index().meta(), labelled);
      PrintWriter w = spec.commandLine().getOut();
      print(result, classifier.ordering(m), w);
      w.flush();
      if (out != null) {
        Json.write(out, json);
      }
    }
    return 0;
  }

  private UnaryOperator<ClassifierSettings> adjust() {
    return d -> {
      try {
        return d.withCandidates(candidates != null ? candidates : d.candidates())
            .withVote(voters != null ? voters : d.voters(), temperature != null ? temperature : d.temperature(),
                socWeight != null ? socWeight : d.socWeight(), majorWeight != null ? majorWeight : d.majorWeight());
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException(e.getMessage());
      }
    };
  }

  static ObjectNode toJson(Evaluation.Result result, Mode mode, IndexMeta meta, LabelledSet set) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("set", set.file().getFileName().toString());
    json.put("n", set.rows().size());
    json.put("mode", mode.id());
    json.put("taxonomy_version", meta.taxonomy().version());
    json.put("model", meta.model().id());
    result.attributes().forEach((name, score) -> {
      ObjectNode node = json.putObject(name);
      node.put("n", score.n());
      node.put("accuracy", round(score.accuracy()));
      if (score.accuracyUnique() != null) {
        node.put("accuracy_unique", round(score.accuracyUnique()));
        node.put("precision", round(score.precision()));
        node.put("recall", round(score.recall()));
      }
      if (!score.confusion().isEmpty()) {
        node.set("confusion", Json.MAPPER.valueToTree(score.confusion()));
      }
    });
    json.put("titles_per_second", Math.round(result.titlesPerSecond() * 10) / 10.0);
    EvalReport r = result.report();
    if (r == null) {
      return json;
    }
    json.put("primary_level", r.primary().id());
    putLevels(json, r.byLevel());
    ObjectNode unique = json.putObject("unique");
    unique.put("n", r.unique().n());
    putLevels(unique, r.unique().byLevel());
    ObjectNode uniqueTitles = json.putObject("unique_titles");
    uniqueTitles.put("n", r.uniqueTitles().n());
    putLevels(uniqueTitles, r.uniqueTitles().byLevel());
    ObjectNode groups = json.putObject("per_major_group");
    r.perMajorGroup().forEach((g, a) -> groups.putObject(g).put("n", a.n()).put("top1", round(a.top1())));
    var confusions = json.putArray("confusions");
    r.confusions().forEach(c -> confusions.addObject().put("expected", c.expected()).put("predicted", c.predicted()).put("count", c.count()));
    json.put("rejected", r.rejected());
    json.putObject("review").put("rule", ReviewRule.DEFAULT.describe())
        .put("flagged", round(r.review().flagged())).put("accepted_top1", round(r.review().acceptedTop1()))
        .put("flagged_top1", round(r.review().flaggedTop1()));
    return json;
  }

  private static void putLevels(ObjectNode node, Map<Level, EvalReport.Accuracy> byLevel) {
    byLevel.forEach((level, a) -> node.putObject(level.id())
        .put("top1", round(a.top1())).put("top3", round(a.top3())).put("top5", round(a.top5())));
  }

  private static void print(Evaluation.Result result, String ordering, PrintWriter out) {
    result.attributes().forEach((name, score) -> out.printf(Locale.ROOT, "%s accuracy %.1f%% (n=%d)%s%s%n", name,
        100 * score.accuracy(), score.n(), score.accuracyUnique() == null ? ""
            : String.format(Locale.ROOT, ", per unique title %.1f%%, precision %.3f, recall %.3f", 100 * score.accuracyUnique(),
                score.precision(), score.recall()),
        score.confusion().isEmpty() ? "" : "; label -> answers: " + score.confusion()));
    EvalReport r = result.report();
    if (r == null) {
      return;
    }
    out.printf(Locale.ROOT, "%s: %,d rows (%,d unique title+codes pairs), mode %s, %,.0f titles/s%s%n", r.set(), r.n(), r.unique().n(),
        ordering, result.titlesPerSecond(), r.rejected() > 0 ? ", " + r.rejected() + " rejected" : "");
    out.println("level   per row: top-1 top-3 top-5 | unique pairs: top-1 top-3 top-5 | unique titles: top-1 top-3 top-5");
    r.byLevel().forEach((level, a) -> {
      EvalReport.Accuracy u = r.unique().byLevel().get(level);
      EvalReport.Accuracy t = r.uniqueTitles().byLevel().get(level);
      out.printf(Locale.ROOT, "%-6s   %5.1f %5.1f %5.1f   |   %5.1f %5.1f %5.1f   |   %5.1f %5.1f %5.1f%n", level.id(),
          100 * a.top1(), 100 * a.top3(), 100 * a.top5(), 100 * u.top1(), 100 * u.top3(), 100 * u.top5(),
          100 * t.top1(), 100 * t.top3(), 100 * t.top5());
    });
    out.printf(Locale.ROOT, "review flag: %.1f%% of rows flagged; top-1 (%s) %.1f%% of accepted, %.1f%% of flagged%n",
        100 * r.review().flagged(), r.primary().id(), 100 * r.review().acceptedTop1(), 100 * r.review().flaggedTop1());
    out.println("top-1 by major group (" + r.primary().id() + " level):");
    r.perMajorGroup().forEach((g, a) -> out.printf(Locale.ROOT, "  %s  %5.1f  (n=%d)%n", g, 100 * a.top1(), a.n()));
    out.println("most frequent confusions (expected -> predicted):");
    r.confusions().stream().limit(10).forEach(c -> out.printf(Locale.ROOT, "  %s -> %s  %d%n", c.expected(), c.predicted(), c.count()));
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
