package dev.jobcode.cli;

import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.corpus.CorpusException;
import dev.jobcode.encoder.EncoderException;
import dev.jobcode.index.IndexException;
import dev.jobcode.table.TableException;
import dev.jobcode.taxonomy.TaxonomyException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jobcode <command>}: exit 0 on success, 2 on bad usage, 1 on failure, with one clear line. */
@Command(name = "jobcode", mixinStandardHelpOptions = true, version = "jobcode 0.1.0",
    description = "Job titles, postings and CVs to O*NET-SOC occupations.")
public final class Main implements Runnable {
  /**
   * The commands, in the order help lists them. Picocli reads a command's options by reflection when
   * it is added, which for all of them took half a second of every start: a run that names its
   * command adds that one alone ({@link #commandLine}).
   */
  static final List<Class<?>> COMMANDS = List.of(IndexCommand.class, ServeCommand.class, ClassifyCommand.class,
      EvalCommand.class, BenchCommand.class, LoadCommand.class, CorpusCommand.class, CandidatesCommand.class,
      TaxonomyCommand.class, RerankCommand.class, CommandLine.HelpCommand.class);

  /** Held so the level sticks: Lucene's note that it uses the vector API is not news to a user. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: index, serve, classify, eval, bench, load, corpus, candidates, taxonomy or rerank");
  }

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    CommandLine cli = commandLine(args);
    int exit = cli.execute(args);
    // What a command printed without a line end is still in picocli's writers.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(exit);
  }

  /**
   * The command line for {@code args}: with only the command {@code args} names when it names one
   * (its help and errors are the same either way), else with all of them, for the list in
   * {@code --help} and the suggestions after a mistyped name.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named = COMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
        .toList();
    (named.isEmpty() ? COMMANDS : named).forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException || e instanceof InvalidQueryException || e instanceof TableException
          || e instanceof CorpusException) {
        commandLine.getErr().println("jobcode: " + e.getMessage());
        return 2;
      }
      boolean known = e instanceof TaxonomyException || e instanceof IndexException || e instanceof EncoderException
          || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException;
      commandLine.getErr().println("jobcode: " + (known ? e.getMessage() : e.toString()));
      if (!known && Boolean.getBoolean("jobcode.debug")) {
        e.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cli;
  }

  /** Bad usage found after parsing (a file that is not there, a column that is missing): exit 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
