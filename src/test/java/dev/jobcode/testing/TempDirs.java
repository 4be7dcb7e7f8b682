package dev.jobcode.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;

/**
 * A temporary folder for a static field (a shared fixture, a fuzz test's scratch files), where
 * {@code @TempDir} cannot go; it is deleted when the test JVM exits, so runs leave nothing in /tmp.
 */
public final class TempDirs {
  private TempDirs() {}

  public static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          IOUtils.rm(dir);   // open index files go too: Linux removes them when the JVM lets go
        } catch (IOException e) {
          // best effort at exit: nothing to report to
        }
      }, "rm-" + dir.getFileName()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
