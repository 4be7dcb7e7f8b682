package dev.jobcode.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.lucene.util.IOUtils;

/**
 * Atomic replacement of an index folder. A build writes into a hidden sibling
 * ({@code .NAME.tmp-…}); only a verified build is renamed into place, and the previous index is
 * moved aside ({@code .NAME.old-…}) first and deleted last. Leftovers of an interrupted build are
 * cleared, and a previous index caught moved aside is put back.
 */
final class IndexDirectories {
  private IndexDirectories() {}

  /** Creates a fresh temporary folder beside {@code target}, after tidying up earlier attempts. */
  static Path newTemporary(Path target) throws IOException {
    Path parent = parent(target);
    Files.createDirectories(parent);
    recover(target);
    return Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
  }

  /** Moves {@code built} into place at {@code target}, replacing what was there. */
  static void replace(Path built, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = parent(target).resolve("." + target.getFileName() + ".old-" + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      IOUtils.rm(old);
    }
  }

  /** Deletes stale temporary folders, and restores a previous index left moved aside. */
  static void recover(Path target) throws IOException {
    Path parent = parent(target);
    if (!Files.isDirectory(parent)) {
      return;
    }
    String name = target.getFileName().toString();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
      for (Path sibling : siblings) {
        boolean old = sibling.getFileName().toString().startsWith("." + name + ".old-");
        if (old && !Files.exists(target)) {
          Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
          IOUtils.rm(sibling);
        }
      }
    }
  }

  private static Path parent(Path target) {
    Path parent = target.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      throw new IndexException("cannot build an index at the file-system root: " + target);
    }
    return parent;
  }
}
