package dev.jobcode.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What an erasure test greps for: a word's bytes anywhere in the files below a folder. */
public final class PoolFiles {
  private PoolFiles() {}

  /**
   * A word found nowhere else: 16 random capital letters. Digits would not do: stored fields are
   * LZ4-compressed, and four digits that the CV's JSON has before them (a code, a year) would be
   * stored as a back-reference, so the word would not stand in the file as written.
   */
  public static String marker() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder word = new StringBuilder("QZ");
    for (int i = 0; i < 14; i++) {
      word.append((char) ('A' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** True when some file below {@code dir} holds {@code marker}'s UTF-8 bytes. */
  public static boolean hold(Path dir, String marker) throws IOException {
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
