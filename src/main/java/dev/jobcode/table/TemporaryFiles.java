package dev.jobcode.table;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Where a file is written before it is moved into place. */
public final class TemporaryFiles {
  private TemporaryFiles() {}

  /**
   * A new empty hidden file beside {@code target}, in the same folder so that the final move is
   * atomic. Unlike {@link Files#createTempFile} it gets the permissions the user's umask gives any
   * new file, so the finished output is as readable as a file the user wrote.
   */
  public static Path beside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().normalize().getParent();
    Files.createDirectories(dir);
    while (true) {
      Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }
}
