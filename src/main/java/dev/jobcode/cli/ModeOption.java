package dev.jobcode.cli;

import dev.jobcode.classify.Mode;
import picocli.CommandLine.Option;

/** {@code --mode}, shared by the commands that classify (a picocli mixin). */
final class ModeOption {
  @Option(names = "--mode", defaultValue = Mode.DEFAULT_ID, description = "similarity, vote or centroid (default: ${DEFAULT-VALUE})")
  String mode;

  Mode mode() {
    return Mode.fromId(mode).orElseThrow(() -> new Main.UsageException("unknown --mode '" + mode + "': use one of " + Mode.ids()));
  }
}
