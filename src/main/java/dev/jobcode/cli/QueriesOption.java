package dev.jobcode.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --queries}, the titles that bench and load send (a picocli mixin). */
final class QueriesOption {
  @Option(names = "--queries", paramLabel = "FILE",
      description = "CSV of titles, first column (default: ../shared/data/eval/raw-titles-unlabelled.csv)")
  Path queries;

  /** The file given, else the unlabelled raw titles beside the checkout. */
  Path file() {
    return queries != null ? queries : Defaults.rawTitles();
  }
}
