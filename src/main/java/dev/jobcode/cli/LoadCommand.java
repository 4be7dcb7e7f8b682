package dev.jobcode.cli;

import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jobcode load}: a bounded load test, against a server of its own on 127.0.0.1 (over
 * {@code --index}) or a running one ({@code --url}). Exits 1 when any request failed.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Load-test the HTTP API: concurrent clients, mixed single and batch requests, for a fixed time. "
        + "Exits 1 if any request failed.")
final class LoadCommand implements Callable<Integer> {
  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "--url", paramLabel = "URL",
      description = "load a running server (e.g. http://127.0.0.1:8080) instead of starting one over --index")
  String url;

  @Option(names = "--clients", defaultValue = "32", description = "concurrent clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--seconds", defaultValue = "60", description = "how long (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--batch-every", paramLabel = "N", defaultValue = "5",
      description = "every Nth request of a client is a batch of 8 titles; 0 for none (default: ${DEFAULT-VALUE})")
  int batchEvery;

  @Option(names = "--queries", paramLabel = "FILE",
      description = "CSV of titles, first column (default: ../shared/data/eval/raw-titles-unlabelled.csv)")
  Path queries;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the report as JSON")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || clients > 1024) {
      throw new Main.UsageException("--clients must be 1..1024, got " + clients);
    }
    if (seconds < 1 || seconds > 86_400) {
      throw new Main.UsageException("--seconds must be 1..86400, got " + seconds);
    }
    if (batchEvery < 0) {
      throw new Main.UsageException("--batch-every must be 0 or more, got " + batchEvery);
    }
    List<String> titles = BenchCommand.titles(queries != null ? queries : Defaults.rawTitles(), Integer.MAX_VALUE);
    if (url != null) {
      return finish(new LoadTest(url, titles, clients).run(clients, Duration.ofSeconds(seconds), batchEvery), null);
    }
    try (Engine opened = engine.open()) {
      JobcodeServer server = JobcodeServer.create(opened.classifier(), ServerSettings.DEFAULT).start("127.0.0.1", 0);
      try {
        LoadTest load = new LoadTest("http://127.0.0.1:" + server.port(), titles, clients);
        load.run(clients, Duration.ofSeconds(Math.min(5, seconds)), batchEvery);  // warm-up
        long before = usedHeapAfterGc();
        LoadTest.Report report = load.run(clients, Duration.ofSeconds(seconds), batchEvery);
        return finish(report, new long[] {before, usedHeapAfterGc()});
      } finally {
        server.stop();
      }
    }
  }

  private int finish(LoadTest.Report r, long[] heap) throws Exception {
    System.out.printf(Locale.ROOT, "jobcode load: %d clients for %.0f s, a batch of %d every %d requests%n",
        r.clients(), r.seconds(), LoadTest.BATCH_ITEMS, batchEvery);
    System.out.printf(Locale.ROOT, "requests %,d (%.1f/s), titles %,d (%.1f/s), errors %d, statuses %s%n",
        r.requests(), r.requestsPerSecond(), r.titles(), r.titlesPerSecond(), r.errors(), r.statuses());
    System.out.printf(Locale.ROOT, "single p50/p99 %.1f/%.1f ms; batch p50/p99 %.1f/%.1f ms; taxonomy versions %s%n",
        r.singleP50(), r.singleP99(), r.batchP50(), r.batchP99(), r.versions());
    var json = r.toJson();
    if (heap != null) {
      System.out.printf(Locale.ROOT, "heap in use after GC: %.0f MB before, %.0f MB after; peak %.0f MB%n",
          heap[0] / 1e6, heap[1] / 1e6, BenchCommand.peakHeap() / 1e6);
      json.put("heap_before_bytes", heap[0]).put("heap_after_bytes", heap[1])
          .put("peak_heap_bytes", BenchCommand.peakHeap());
    }
    r.firstErrors().forEach(e -> System.out.println("error: " + e));
    if (out != null) {
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
    }
    return r.errors() == 0 ? 0 : 1;
  }

  static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
