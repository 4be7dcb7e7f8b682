package dev.jobcode.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --pool DIR}: the candidate pool's folder, for the commands that use CVs (a picocli mixin). */
final class PoolOption {
  @Option(names = "--pool", paramLabel = "DIR",
      description = "candidate pool folder (default: index/candidates, beside the occupation indexes)")
  Path pool;

  /** True when the user named the pool folder. */
  boolean given() {
    return pool != null;
  }

  Path dir() {
    return pool != null ? pool : Defaults.pool();
  }
}
