package dev.jobcode.cli;

import dev.jobcode.json.Json;
import dev.jobcode.measure.Bench;
import dev.jobcode.measure.BenchReport;
import dev.jobcode.measure.BenchTable;
import dev.jobcode.measure.Titles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobcode bench}: {@link Bench} on the real index and model. Prints a table; {@code --out}
 * writes the JSON, whose {@code ratios} relate each layer to the one below it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure encoder, classify (in-process and HTTP), HNSW recall, candidate search and index build "
        + "on the real index, in one run; print a table and write JSON.")
final class BenchCommand implements Callable<Integer> {
  @Mixin
  EngineOptions engine = new EngineOptions();

  @Mixin
  QueriesOption queries = new QueriesOption();

  @Mixin
  PoolOption pool = new PoolOption();

  @Option(names = "--onet", paramLabel = "DIR",
      description = "O*NET folder for the build measurement (default: the one the index was built from)")
  Path onet;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the report as JSON")
  Path out;

  @Option(names = "--repeated", paramLabel = "FILE",
      description = "titles in the order of a real file, repeats kept (first column), for the answer cache's figures "
          + "(default: ../shared/data/eval/h1b-titles-soc.tsv when present)")
  Path repeated;

  @Option(names = "--quick", description = "a short run: 256 titles, 1,000 repeated titles, a 20-occupation build, 50 candidate queries")
  boolean quick;

  @Option(names = "--peer", description = "also run the peer (../shared/bench/peer-js/run.sh; needs node) on the same titles")
  boolean peer;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path titlesFile = queries.file();
    List<String> titles = Titles.read(titlesFile, quick ? 256 : Integer.MAX_VALUE);
    Bench.PeerRun peerRun = peer ? new Bench.PeerRun(Defaults.peerScript(), titlesFile) : null;
    Path repeatedFile = repeated != null ? repeated : Defaults.repeatedTitles();
    List<String> repeats = repeated == null && !Files.isRegularFile(repeatedFile) ? List.of()
        : Titles.readAll(repeatedFile, quick ? 1000 : Integer.MAX_VALUE);
    Bench.Plan plan = new Bench.Plan(titles, quick ? 50 : 200, quick ? 20 : 150, onet, peerRun, repeats);
    BenchReport report;
    try (Engine opened = engine.open(pool, Engine.PoolAccess.READ)) {
      report = Bench.run(opened.encoder(), opened.classifier(), opened.pool(), plan);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.print(BenchTable.render(report));
    if (out != null) {
      Json.write(out, report);
      w.println("JSON: " + out);
    }
    w.flush();
    return 0;
  }
}
