package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Refuses a zipped document (DOCX, ODT) whose parts inflate far beyond their size: a zip bomb.
 * POI has this check, but Tika's Word reader opens the zip its own way, around it, and Tika's ODT
 * reader has none; a bomb would then be met only by the timeout, or by the heap if its bulk is one
 * huge piece of XML. So each part is inflated once, into nothing, before the parser sees the file:
 * past its first {@value #GRACE_MB} MB a part may inflate to at most {@value #MAX_RATIO} times the
 * compressed bytes read so far (POI's ratio), and a file may hold at most {@value #MAX_PARTS} parts.
 * A damaged zip passes: the parser says what is wrong with it.
 */
final class ZipBombCheck {
  static final int MAX_RATIO = 100;
  static final int GRACE_MB = 1;
  static final int MAX_PARTS = 1_000;
  private static final long GRACE_BYTES = (long) GRACE_MB << 20;

  private ZipBombCheck() {}

  static void check(DocumentReader.Source source, long deadlineNanos) throws IOException {
    InputStream file = source.file() != null ? Files.newInputStream(source.file()) : new ByteArrayInputStream(source.bytes());
    try (CountingStream compressed = new CountingStream(new BufferedInputStream(file, 1 << 16));
         ZipInputStream zip = new ZipInputStream(compressed)) {
      byte[] buffer = new byte[1 << 16];
      int parts = 0;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++parts > MAX_PARTS) {
          throw bomb(source, String.format(Locale.ROOT, "holds more than %,d parts", MAX_PARTS));
        }
        long start = compressed.count;
        long inflated = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          inflated += n;
          if (inflated > GRACE_BYTES && inflated > MAX_RATIO * (compressed.count - start)) {
            throw bomb(source, "expands to far more than its " + ExtractionLimits.sizeText(source.size())
                + " when unpacked");
          }
          if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
            throw new ExtractionException(Reason.TIMEOUT, "the time for " + source.name() + " is up");
          }
        }
      }
    } catch (ZipException | EOFException e) {
      // damaged: not a bomb; the parser reports it
    }
  }

  private static ExtractionException bomb(DocumentReader.Source source, String what) {
    return new ExtractionException(Reason.TOO_LARGE, source.name() + " " + what + " (a \"zip bomb\"); jobcode does not"
        + " read it");
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
