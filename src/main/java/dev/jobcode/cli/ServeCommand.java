package dev.jobcode.cli;

import dev.jobcode.classify.Classifier;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobcode serve}: the HTTP API over an index; builds the default index on first run. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API. With the default --index, builds it from --onet on first run.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "--onet", paramLabel = "DIR", description = "O*NET folder for the first-run build of the default index")
  Path onet;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new Main.UsageException("--port must be 0..65535, got " + port);
    }
    Path indexDir = engine.indexDir();
    if (!Files.exists(indexDir.resolve(IndexMeta.FILE))) {
      if (engine.indexGiven()) {
        throw new Main.UsageException("no index at " + indexDir + "; build it with 'jobcode index --out " + indexDir + "'");
      }
      System.err.println("jobcode: no index at " + indexDir + " yet; building it once, with the default CV corpus"
          + " (about 10 minutes)");
      Path onetDir = onet != null ? onet : Defaults.onet();
      Path cvs = Defaults.corpus();
      if (!Files.exists(cvs)) {
        CorpusCommand.generate(onetDir, CorpusCommand.DEFAULT_COUNT, CorpusCommand.DEFAULT_SEED, cvs);
      }
      IndexCommand.build(onetDir, Optional.empty(), Optional.of(cvs), indexDir, ModelSpec.DEFAULT,
          engine.modelsDir(), HnswParams.DEFAULT);
    }
    long start = System.nanoTime();
    try (Engine opened = engine.open()) {
      Classifier classifier = opened.classifier();
      Javalin app = JobcodeServer.create(classifier, ServerSettings.DEFAULT);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop();
        stopped.countDown();
      }, "shutdown"));
      app.start(host, port);
      IndexMeta meta = classifier.index().meta();
      System.err.printf(Locale.ROOT, "jobcode: serving %s %s (%s)%s on http://%s:%d, ready in %.1f s%n",
          meta.taxonomy().name(), meta.taxonomy().version(), meta.model().id(),
          meta.hasCandidates() ? String.format(Locale.ROOT, " and %,d CVs", meta.candidates().count()) : "",
          host, app.port(), (System.nanoTime() - start) / 1e9);
      stopped.await();
    }
    return 0;
  }
}
