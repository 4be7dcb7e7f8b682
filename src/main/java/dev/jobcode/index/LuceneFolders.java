package dev.jobcode.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.Version;

/** Opening a Lucene index folder for reading, with one clear error for every way it can fail. */
final class LuceneFolders {
  /** Makes the opened index from its directory and reader. */
  @FunctionalInterface
  interface Opener<T> {
    T open(FSDirectory directory, DirectoryReader reader) throws IOException;
  }

  private LuceneFolders() {}

  /**
   * Opens {@code dir} with {@code opener}; a missing, incomplete or corrupt folder is an
   * {@link IndexException} that names {@code what} and says how to rebuild it ({@code rebuild}); so
   * is one that a Lucene major this one cannot read wrote.
   */
  static <T> T open(Path dir, String what, String rebuild, Opener<T> opener) {
    if (!Files.isDirectory(dir)) {
      throw new IndexException(what + " folder missing: " + dir);
    }
    FSDirectory directory = null;
    DirectoryReader reader = null;
    try {
      directory = FSDirectory.open(dir);
      reader = DirectoryReader.open(directory);
      return opener.open(directory, reader);
    } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
      IOUtils.closeWhileHandlingException(reader, directory);
      throw new IndexException(unreadable(what, dir, e instanceof IndexFormatTooOldException) + ": rebuild it with "
          + rebuild, e);
    } catch (IOException | RuntimeException e) {
      // Reader first, then the directory it reads; a failure to close is not what the caller needs to hear.
      IOUtils.closeWhileHandlingException(reader, directory);
      throw new IndexException("cannot open the " + what + " in " + dir + " (" + e.getMessage()
          + "); it is incomplete or corrupt: rebuild it with " + rebuild, e);
    }
  }

  /**
   * Why a folder of another Lucene major cannot be read. Lucene reads its own major and the one
   * before (lucene-backward-codecs); its own message is several sentences about Lucene, not jobcode.
   */
  static String unreadable(String what, Path dir, boolean older) {
    return "the " + what + " in " + dir + " was written by "
        + (older ? "Lucene " + (Version.MIN_SUPPORTED_MAJOR - 1) + " or older" : "a Lucene newer than " + Version.LATEST)
        + ", and this jobcode runs Lucene " + Version.LATEST + ", which reads indexes written by Lucene "
        + Version.MIN_SUPPORTED_MAJOR + ".0 to " + Version.LATEST;
  }

  /** Closes an opened index: its reader, then the directory; {@code what} names it in the error. */
  static void close(String what, DirectoryReader reader, FSDirectory directory) {
    try {
      IOUtils.close(reader, directory);
    } catch (IOException e) {
      throw new IndexException("closing the " + what + " failed: " + e.getMessage(), e);
    }
  }
}
