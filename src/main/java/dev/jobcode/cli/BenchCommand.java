package dev.jobcode.cli;

import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.VectorFormat;
import dev.jobcode.json.Json;
import dev.jobcode.measure.Bench;
import dev.jobcode.measure.BenchReport;
import dev.jobcode.measure.BenchTable;
import dev.jobcode.measure.PoolScaling;
import dev.jobcode.measure.PoolScalingReport;
import dev.jobcode.measure.PoolScalingTable;
import dev.jobcode.measure.Titles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobcode bench}: {@link Bench} on the real index and model. Prints a table; {@code --out}
 * writes the JSON, whose {@code ratios} relate each layer to the one below it. With
 * {@code --pool-sizes}, {@link PoolScaling} alone, on the pool's vectors.
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

  @Option(names = "--pool-sizes", paramLabel = "N,N,…",
      description = "measure only how candidate search grows with the pool, at each size N (e.g. 10000,100000,1000000): "
          + "pools of N perturbed copies of the pool's real CV vectors (--pool), each in float32 and int8 HNSW, built in a temporary folder (java.io.tmpdir) and deleted; build time, size, "
          + "heap, search p50/p99 and recall@10 against exact search, without and with a filter. 1,000,000 needs "
          + "about 8 GB free there (both formats' pools at once) and a heap of 2 GB (JOBCODE_JAVA_OPTS=-Xmx2g, or "
          + "-Djava.io.tmpdir=DIR for another folder; the default heap is a quarter of the RAM)")
  String poolSizes;

  @Option(names = "--pool-sigma", paramLabel = "SIGMA", defaultValue = "" + PoolScaling.DEFAULT_SIGMA,
      description = "with --pool-sizes: the Gaussian noise per dimension of a copy (default: ${DEFAULT-VALUE}, a "
          + "copy's cosine to its source about 0.94 with e5-small-v2)")
  double poolSigma;

  @Option(names = "--pool-formats", paramLabel = "F,F",
      description = "with --pool-sizes: the vector formats to build and search, float32 and/or int8 (default: both; "
          + "one at a time halves the disk a size needs)")
  String poolFormats;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (poolSizes != null) {
      return poolScaling();
    }
    if (poolFormats != null) {
      throw new Main.UsageException("--pool-formats goes with --pool-sizes");
    }
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
    return print(BenchTable.render(report), report);
  }

  /** Prints {@code table} and writes {@code report} as JSON to {@code --out} when given. */
  private int print(String table, Object report) throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    w.print(table);
    if (out != null) {
      Json.write(out, report);
      w.println("JSON: " + out);
    }
    w.flush();
    return 0;
  }

  /** {@code --pool-sizes}: that measurement alone, on the pool's vectors; no model is loaded. */
  private int poolScaling() throws Exception {
    if (quick || peer || repeated != null || onet != null || queries.queries != null) {
      throw new Main.UsageException("--pool-sizes is a measurement of its own: leave out --quick, --peer, --queries, "
          + "--repeated and --onet");
    }
    if (!(poolSigma > 0) || !Double.isFinite(poolSigma)) {
      throw new Main.UsageException("--pool-sigma must be a positive number, got " + poolSigma);
    }
    PoolScaling.Plan plan = new PoolScaling.Plan(poolSizes(poolSizes), poolSigma, PoolScaling.DEFAULT_SEED,
        PoolScaling.DEFAULT_QUERIES, poolFormats == null ? List.of(VectorFormat.values()) : poolFormats(poolFormats));
    if (!pool.exists()) {
      throw new Main.UsageException("--pool-sizes copies the vectors of a candidate pool, and there is none at "
          + pool.location() + ": name one with --pool DIR");
    }
    PrintWriter err = spec.commandLine().getErr();
    PoolScalingReport report;
    try (CandidateStore store = pool.openReadOnly()) {
      report = PoolScaling.run(store, plan, Path.of(System.getProperty("java.io.tmpdir")), line -> {
        err.println("jobcode: " + line);
        err.flush();
      });
    }
    return print(PoolScalingTable.render(report), report);
  }

  /** The formats of {@code --pool-formats}: ids of {@link VectorFormat}, each once, in the order given. */
  static List<VectorFormat> poolFormats(String given) {
    LinkedHashSet<VectorFormat> formats = new LinkedHashSet<>();
    for (String part : given.split(",", -1)) {
      VectorFormat format;
      try {
        format = VectorFormat.byId(part.strip());
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException("--pool-formats: " + e.getMessage());
      }
      if (!formats.add(format)) {
        throw new Main.UsageException("--pool-formats: " + format.id() + " is given twice");
      }
    }
    return List.copyOf(formats);
  }

  /** The sizes of {@code --pool-sizes}: whole numbers 1..{@link PoolScaling#MAX_SIZE}, by size, each once. */
  static List<Integer> poolSizes(String given) {
    String example = " (e.g. --pool-sizes 10000,100000,1000000)";
    if (given.isBlank()) {
      throw new Main.UsageException("--pool-sizes needs pool sizes separated by commas" + example);
    }
    TreeSet<Integer> sizes = new TreeSet<>();
    for (String part : given.split(",", -1)) {
      String size = part.strip();
      if (size.isEmpty()) {
        throw new Main.UsageException("--pool-sizes: an empty size in '" + given + "'" + example);
      }
      long n;
      try {
        n = Long.parseLong(size);
      } catch (NumberFormatException e) {
        throw new Main.UsageException("--pool-sizes: '" + size + "' is not a whole number of CVs" + example);
      }
      if (n < 1 || n > PoolScaling.MAX_SIZE) {
        throw new Main.UsageException(String.format(Locale.ROOT, "--pool-sizes: a size must be 1 to %,d CVs, got %d",
            PoolScaling.MAX_SIZE, n));
      }
      sizes.add((int) n);
    }
    return List.copyOf(sizes);
  }
}
