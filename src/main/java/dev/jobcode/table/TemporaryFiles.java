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

  /** Writes a file's content to the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  /**
   * Writes {@code target} atomically: {@code content} goes to a file {@link #beside} it, which is then
   * moved into place, so a failed or interrupted write leaves the old file (or none), never half of one.
   */
  public static void replace(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path tmp = beside(absolute);
    try {
      content.writeTo(tmp);
      Files.move(tmp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
