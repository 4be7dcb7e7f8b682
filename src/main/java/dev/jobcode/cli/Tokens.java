package dev.jobcode.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where secrets come from: a file, else the environment; never the command line, which every user of
 * the machine can read in the process list.
 */
final class Tokens {
  static final String ADMIN_ENV = "JOBCODE_ADMIN_TOKEN";
  static final String WRITE_ENV = "JOBCODE_WRITE_TOKEN";

  private Tokens() {}

  /** The token in {@code file} (named by {@code option} in errors), else {@code $env}, else null. */
  static String read(Path file, String option, String env) {
    if (file != null) {
      try {
        String token = Files.readString(file).strip();
        if (token.isEmpty()) {
          throw new Main.UsageException(option + " " + file + " is empty");
        }
        return token;
      } catch (IOException e) {
        throw new Main.UsageException("cannot read " + option + " " + file + ": " + e.getMessage());
      }
    }
    String value = System.getenv(env);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
