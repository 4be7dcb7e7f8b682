package dev.jobcode.cli;

import dev.jobcode.classify.Classifier;
import dev.jobcode.learn.RerankTraining;
import dev.jobcode.table.TemporaryFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import ml.dmlc.xgboost4j.java.XGBoostError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobcode rerank train}: the learned re-ranker, from O*NET's own titles. */
@Command(name = "rerank", mixinStandardHelpOptions = true, description = "Train the learned re-ranker.",
    subcommands = RerankCommand.Train.class)
final class RerankCommand implements Runnable {
  @Override
  public void run() {
    throw new Main.UsageException("name a rerank command: train");
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Trains the re-ranker of the index's model on the index's own O*NET titles: each sampled title, "
          + "made noisy (seniority, codes, locations, abbreviations, typos), is ranked with its own document left out, "
          + "and XGBoost (LambdaMART) learns to put its occupation first. Nothing from an evaluation set is read. "
          + "Prints the held-out part's top-1 by the vote and by the re-ranker.")
  static final class Train implements Callable<Integer> {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "where the model goes (default: "
        + "src/main/resources/rerank/<model id>.ubj in the checkout, the file the jar ships)")
    Path out;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "" + RerankTraining.Settings.QUERIES,
        description = "title documents sampled as queries (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--seed", defaultValue = "" + RerankTraining.Settings.SEED, description = "seed of the sample, the noise and XGBoost (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + RerankTraining.Settings.ROUNDS,
        description = "most boosting rounds; training stops earlier when the held-out part stops gaining (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--tune-share", paramLabel = "F", defaultValue = "" + RerankTraining.Settings.TUNE_SHARE,
        description = "share of the queries kept apart to stop training and report on (default: ${DEFAULT-VALUE})")
    double tuneShare;

    @Option(names = "--known-share", paramLabel = "F", defaultValue = "" + RerankTraining.Settings.KNOWN_SHARE,
        description = "share of the queries whose own title stays in the index, as a title O*NET lists is asked "
            + "for (default: ${DEFAULT-VALUE})")
    double knownShare;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (queries < 100 || rounds < 1 || !(tuneShare > 0 && tuneShare < 0.5) || !(knownShare >= 0 && knownShare <= 1)) {
        throw new Main.UsageException("need --queries >= 100, --rounds >= 1, 0 < --tune-share < 0.5 and "
            + "0 <= --known-share <= 1");
      }
      PrintWriter err = spec.commandLine().getErr();
      engine.reranker = EngineOptions.NONE;   // features are the vote's own, whatever re-ranker ships
      long start = System.nanoTime();
      try (Engine opened = engine.open()) {
        Classifier classifier = opened.classifier();
        Path target = out != null ? out
            : Defaults.home().resolve("src/main/resources/rerank/" + classifier.encoder().model().id() + ".ubj");
        RerankTraining training = new RerankTraining(classifier,
            new RerankTraining.Settings(queries, seed, rounds, tuneShare, knownShare));
        List<RerankTraining.Example> examples = training.examples();
        List<Classifier.RerankInput> inputs = training.inputs(examples, new ProgressBar(err, "ranking titles"));
        err.printf(Locale.ROOT, "jobcode: %,d noisy titles ranked in %.0f s; training%n", examples.size(),
            (System.nanoTime() - start) / 1e9);
        RerankTraining.Result result = training.train(examples, inputs);
        RerankTraining.Report r = result.report();
        Files.createDirectories(target.toAbsolutePath().getParent());
        TemporaryFiles.replace(target, tmp -> {
          try {
            result.booster().saveModel(tmp.toString());
          } catch (XGBoostError e) {
            throw new IOException(e.getMessage(), e);
          }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "queries: %,d to train on (%,d with no right answer among the %d candidates, left out), "
            + "%,d held out%n", r.trainQueries(), r.skipped(), dev.jobcode.classify.Reranker.CANDIDATES, r.tuneQueries());
        out.printf(Locale.ROOT, "held out: right answer among the candidates %.1f%%; top-1 by the vote %.1f%%, "
            + "by the re-ranker %.1f%% (%d rounds)%n", 100 * r.recallAtCandidates(), 100 * r.voteTop1(),
            100 * r.rerankTop1(), r.rounds());
        err.printf(Locale.ROOT, "jobcode: wrote %s (%,d bytes) in %.0f s%n", target, Files.size(target),
            (System.nanoTime() - start) / 1e9);
        return 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
