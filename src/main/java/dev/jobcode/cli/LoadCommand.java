package dev.jobcode.cli;

import dev.jobcode.json.Json;
import dev.jobcode.measure.LoadReport;
import dev.jobcode.measure.LoadTest;
import dev.jobcode.measure.Titles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobcode load}: a bounded {@link LoadTest}, against a server of its own on 127.0.0.1 (over
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

  @Mixin
  QueriesOption queries = new QueriesOption();

  @Option(names = "--out", paramLabel = "FILE", description = "also write the report as JSON")
  Path out;

  @Spec
  CommandSpec spec;

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
    List<String> titles = Titles.read(queries.file(), Integer.MAX_VALUE);
    Duration duration = Duration.ofSeconds(seconds);
    LoadReport report;
    if (url != null) {
      report = new LoadTest(url, titles, clients).run(duration, batchEvery);
    } else {
      try (Engine opened = engine.open()) {
        report = LoadTest.onOwnServer(opened.classifier(), titles, clients, duration, batchEvery);
      }
    }
    print(report, spec.commandLine().getOut());
    if (out != null) {
      Json.write(out, report);
    }
    return report.errors() == 0 ? 0 : 1;
  }

  private void print(LoadReport r, PrintWriter w) {
    w.printf(Locale.ROOT, "jobcode load: %d clients for %.0f s, a batch of %d every %d requests%n",
        r.clients(), r.seconds(), LoadTest.BATCH_ITEMS, batchEvery);
    w.printf(Locale.ROOT, "requests %,d (%.1f/s), titles %,d (%.1f/s), errors %d, statuses %s%n",
        r.requests(), r.requestsPerS(), r.titles(), r.titlesPerS(), r.errors(), r.statuses());
    w.printf(Locale.ROOT, "single p50/p99 %.1f/%.1f ms; batch p50/p99 %.1f/%.1f ms; taxonomy versions %s%n",
        r.singleP50Ms(), r.singleP99Ms(), r.batchP50Ms(), r.batchP99Ms(), r.versions());
    if (r.hasHeap()) {
      w.printf(Locale.ROOT, "heap in use after GC: %.0f MB before, %.0f MB after; peak %.0f MB%n",
          r.heapBeforeBytes() / 1e6, r.heapAfterBytes() / 1e6, r.peakHeapBytes() / 1e6);
    }
    r.firstErrors().forEach(e -> w.println("error: " + e));
    w.flush();
  }
}
