package dev.jobcode.cli;

import dev.jobcode.classify.AnswerCache;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.LegacyCandidates;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.PoolFill;
import dev.jobcode.server.ServedIndex;
import dev.jobcode.server.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobcode serve}: the HTTP API over an index; builds the default index on first run. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API. With the default --index, builds it from --onet on first run.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  EngineOptions engine = new EngineOptions();

  @Mixin
  PoolOption pool = new PoolOption();

  @Option(names = "--onet", paramLabel = "DIR", description = "O*NET folder for the first-run build of the default index")
  Path onet;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--cors-origin", paramLabel = "ORIGIN",
      description = "let browser pages from ORIGIN call the API (repeatable; * for any); default: no CORS")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "enable POST /admin/index, with the token in FILE (or in $" + Tokens.ADMIN_ENV + "); default: off")
  Path adminTokenFile;

  @Option(names = "--write-token-file", paramLabel = "FILE",
      description = "enable adding, replacing and deleting CVs (POST, PUT, DELETE /v1/candidates), with the token in "
          + "FILE (or in $" + Tokens.WRITE_ENV + "); default: off")
  Path writeTokenFile;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_MAX_IN_FLIGHT,
      description = "requests worked on at once; more wait up to 2 s, then get 503 (default: ${DEFAULT-VALUE})")
  int maxInFlight;

  @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "answer GET /metrics (Prometheus text) on the same host and port; --no-metrics turns it off"
          + " (default: on)")
  boolean metrics;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new Main.UsageException("--port must be 0..65535, got " + port);
    }
    ServerSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    Path indexDir = engine.indexDir();
    if (!Files.exists(indexDir.resolve(IndexMeta.FILE))) {
      if (engine.indexGiven()) {
        throw new Main.UsageException("no index at " + indexDir + "; build it with 'jobcode index --out " + indexDir + "'");
      }
      err.println("jobcode: no index at " + indexDir + " yet; building it once, with the default CV corpus"
          + " (about 10 minutes)");
      IndexCommand.build(onet != null ? onet : Defaults.onet(), Optional.empty(), null, indexDir, ModelSpec.DEFAULT,
          engine.modelEngine(), engine.modelsDir(), HnswParams.DEFAULT, err);
    }
    long start = System.nanoTime();
    boolean newPool = !pool.exists();
    // The default pool, new or with a filling that a stop cut short, is filled with the default CVs
    // behind the server (minutes): occupations are answered at once, candidate calls once it is complete.
    boolean fillBehind = defaultPool() && (newPool || Files.exists(fillMarker(pool.dir())));
    Engine opened = engine.open(pool, Engine.PoolAccess.WRITE);
    try {
      if (newPool && !fillBehind) {
        fillNow(opened, err);
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    PoolFill filling = fillBehind ? PoolFill.starting("opening") : PoolFill.complete();
    try (opened; ServedIndex served = new ServedIndex(opened.classifier(), opened.pool(), filling)) {
      JobcodeServer server = JobcodeServer.create(served, settings, JobcodeServer.RequestLog.SLF4J);
      CountDownLatch stopped = new CountDownLatch(1);
      Thread filler = fillBehind ? Thread.ofPlatform().daemon().name("pool-fill").unstarted(
          () -> fillWithDefaultCvs(opened, filling, err)) : null;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        // Finish the requests in flight before the JVM goes; refuse new ones meanwhile. Stop a fill
        // between two chunks (the next start resumes it). Then close the pool here, not after the
        // latch: the JVM does not wait for the main thread, and the close merges away the text of CVs
        // deleted in the last minute.
        server.stop();
        stopFill(filler, filling);
        opened.pool().close();
        stopped.countDown();
      }, "shutdown"));
      server.start(host, port);
      opened.classifier().index().preloadSkills();   // for the first description, now that titles are answered
      IndexMeta meta = opened.classifier().index().meta();
      if (filler == null) {
        err.printf(Locale.ROOT, "jobcode: serving %s %s (%s) and %,d CVs on http://%s:%d, ready in %.1f s%n",
            meta.taxonomy().name(), meta.taxonomy().version(), meta.model().id(), opened.pool().size(),
            host, server.port(), (System.nanoTime() - start) / 1e9);
      } else {
        err.printf(Locale.ROOT, "jobcode: serving %s %s (%s) on http://%s:%d, ready in %.1f s; the candidate pool is "
                + "being filled (candidate calls answer 503 until then; /health shows how far it has got)%n",
            meta.taxonomy().name(), meta.taxonomy().version(), meta.model().id(), host, server.port(),
            (System.nanoTime() - start) / 1e9);
        filler.start();
      }
      err.printf(Locale.ROOT, "jobcode: candidate pool %s%s%n", opened.pool().location(),
          settings.writeEnabled() ? "; adding, replacing and deleting CVs is on" : "");
      AnswerCache cache = opened.classifier().answerCache();
      err.println(cache.enabled() ? String.format(Locale.ROOT, "jobcode: answers to repeated queries are cached "
          + "(%d MB; --answer-cache 0 turns it off)", cache.maxBytes() >> 20) : "jobcode: the answer cache is off");
      if (settings.metrics()) {
        err.printf(Locale.ROOT, "jobcode: metrics on http://%s:%d/metrics%n", host, server.port());
      }
      if (settings.adminEnabled()) {
        err.println("jobcode: admin endpoint POST /admin/index is on");
      }
      // The classifier's tables finish behind the open server (a call that needs them first waits); an
      // index they cannot be computed from stops the server, as it would have stopped the start.
      opened.classifier().awaitTables();
      stopped.await();
    }
    return 0;
  }

  private ServerSettings settings() {
    if (maxInFlight < 1) {
      throw new Main.UsageException("--max-in-flight must be at least 1, got " + maxInFlight);
    }
    for (String origin : corsOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
        throw new Main.UsageException("--cors-origin must be * or an origin like https://example.com, got '"
            + origin + "'");
      }
    }
    ServerSettings settings = ServerSettings.DEFAULT.withAdmission(maxInFlight, ServerSettings.DEFAULT.queueTimeout())
        .withCorsOrigins(corsOrigins).withMetrics(metrics);
    try {
      return settings.withAdminToken(Tokens.read(adminTokenFile, "--admin-token-file", Tokens.ADMIN_ENV))
          .withWriteToken(Tokens.read(writeTokenFile, "--write-token-file", Tokens.WRITE_ENV));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
  }

  /** The file that marks an embedded pool whose filling has not finished: beside its folder, so that it outlives a stop. */
  static Path fillMarker(Path poolDir) {
    return poolDir.resolveSibling(poolDir.getFileName() + ".filling");
  }

  /** True for the default pool of the default index, when no older index holds CVs to move into it. */
  private boolean defaultPool() {
    return !engine.indexGiven() && !pool.given() && !LegacyCandidates.present(engine.indexDir());
  }

  /**
   * Fills the default pool with the default CVs (generated first if absent) while the server answers;
   * the marker stays until the fill has finished, so that a stop in between is taken up at the next start.
   */
  private void fillWithDefaultCvs(Engine opened, PoolFill filling, PrintWriter err) {
    Path marker = fillMarker(pool.dir());
    try {
      Files.writeString(marker, "the candidate pool beside this file is being filled; 'jobcode serve' finishes it\n");
      Path cvs = Defaults.corpus();
      if (!Files.exists(cvs)) {
        filling.stage("generating the default CVs");
        CorpusCommand.generate(onet != null ? onet : Defaults.onet(), CorpusCommand.DEFAULT_COUNT,
            CorpusCommand.DEFAULT_SEED, cvs, err);
      }
      filling.stage("encoding the default CVs");
      IndexCommand.addCvs(opened, cvs, filling, err);
      Files.delete(marker);
      filling.finish();
      err.printf(Locale.ROOT, "jobcode: the candidate pool is complete: %,d CVs; candidate calls are answered%n",
          opened.pool().size());
    } catch (CancellationException e) {
      err.println("jobcode: stopped filling the candidate pool; the next start goes on with it");
    } catch (IOException | RuntimeException e) {
      filling.fail(String.valueOf(e.getMessage()));
      err.println("jobcode: filling the candidate pool failed: " + e.getMessage() + "; occupations are still served, "
          + "candidate calls answer 503; the next start tries again");
    } finally {
      err.flush();
    }
  }

  /** Asks a running fill to stop after its chunk and waits for it, so that the pool closes between two writes. */
  private static void stopFill(Thread filler, PoolFill filling) {
    if (filler == null || !filler.isAlive()) {
      return;
    }
    filling.cancel();
    try {
      filler.join(FILL_STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long a stop waits for the fill's chunk in progress (64 CVs encode in a few seconds). */
  private static final java.time.Duration FILL_STOP_WAIT = java.time.Duration.ofSeconds(30);

  /** A new pool other than the default one: the CVs of an index built with --cvs before pools had a folder of their own, else empty. */
  private void fillNow(Engine opened, PrintWriter err) {
    Path indexDir = engine.indexDir();
    if (LegacyCandidates.present(indexDir)) {
      Pools.migrate(indexDir, opened.pool(), err);
    } else {
      err.println("jobcode: a new, empty candidate pool at " + opened.pool().location()
          + "; add CVs with 'jobcode candidates add'");
    }
  }
}
