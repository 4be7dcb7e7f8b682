package dev.jobcode.testing;

import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * What an erasure test looks for in a pool's folder. Stored fields are LZ4-compressed in ten
 * sub-blocks a chunk, so a word can be split in the file even while it is stored: a byte grep alone
 * proves nothing. {@link #hold} therefore reads every document of every segment, the deleted ones
 * too, and also greps the bytes and lists the files the last commit does not name (an old segment
 * left behind would hold the text).
 */
public final class PoolFiles {
  private PoolFiles() {}

  /** A word found nowhere else: 16 random capital letters. */
  public static String marker() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder word = new StringBuilder("QZ");
    for (int i = 0; i < 14; i++) {
      word.append((char) ('A' + random.nextInt(26)));
    }
    return word.toString();
  }

  /**
   * True while the pool in {@code poolDir} keeps {@code marker} anywhere: in a stored document,
   * live or deleted, of its last commit; as bytes in any file; or in a file the last commit no
   * longer names.
   */
  public static boolean hold(Path poolDir, String marker) throws IOException {
    return stored(poolDir, marker) || bytes(poolDir, marker) || !strayFiles(poolDir).isEmpty();
  }

  /** True when a document of the last commit, live or deleted, has {@code marker} in its stored CV. */
  public static boolean stored(Path poolDir, String marker) throws IOException {
    try (FSDirectory dir = FSDirectory.open(poolDir.resolve(CandidatePool.LUCENE_DIR));
         DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {   // maxDoc counts the deleted ones too
          String json = stored.document(doc).get(Fields.CV_JSON);
          if (json != null && json.contains(marker)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Files of the pool's Lucene folder that its last commit does not name (besides its lock). */
  public static Set<String> strayFiles(Path poolDir) throws IOException {
    try (FSDirectory dir = FSDirectory.open(poolDir.resolve(CandidatePool.LUCENE_DIR))) {
      SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
      Set<String> named = new HashSet<>(commit.files(true));
      Set<String> stray = new HashSet<>();
      for (String file : dir.listAll()) {
        if (!named.contains(file) && !file.equals("write.lock")) {
          stray.add(file);
        }
      }
      return stray;
    }
  }

  /** True when some file below {@code dir} holds {@code marker}'s UTF-8 bytes as they are. */
  public static boolean bytes(Path dir, String marker) throws IOException {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try {
          if (indexOf(Files.readAllBytes(f), needle) >= 0) {
            return true;
          }
        } catch (NoSuchFileException e) {
          // merged away while we walked
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
