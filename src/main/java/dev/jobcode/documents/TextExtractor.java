package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The text of a CV file: PDF, Word (.docx, .doc), OpenDocument text, RTF, HTML, Markdown or plain
 * text, within {@link ExtractionLimits}. Thread-safe; one instance serves a whole server.
 *
 * <p>A file is refused, with an {@link ExtractionException} whose message tells its sender what to
 * do, when it is empty, over the size limit (checked before a byte is read), of another kind
 * (detected from the content; the name is a hint), password-protected, damaged, without text (a
 * scanned PDF: there is no OCR), longer than the text limit (never cut short), slower than the
 * timeout, a text file in an encoding other than UTF-8 or UTF-16 with a byte-order mark, or far
 * bigger inside than any CV (a zip or PDF bomb; see {@link DocumentReader} for each guard).
 *
 * <p>Each file is read on one of a few daemon worker threads, so that a parse that runs too long
 * can be abandoned: the caller gets {@link Reason#TIMEOUT} at the deadline, the worker is
 * interrupted, and the parse is stopped at its next piece of output (see {@link Watchdog}). The
 * timeout counts from the call, so it includes any wait for a free worker.
 */
public final class TextExtractor implements AutoCloseable {
  private final ExtractionLimits limits;
  private final DocumentReader reader;
  private final ExecutorService workers;

  /** An extractor with as many workers as cores, at most 4. */
  public TextExtractor(ExtractionLimits limits) {
    this(limits, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  /** An extractor that reads at most {@code workers} files at once; more wait their turn. */
  public TextExtractor(ExtractionLimits limits, int workers) {
    this.limits = Objects.requireNonNull(limits, "limits");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.reader = new DocumentReader(limits);
    this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        daemonThreads());
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * The text of a file.
   *
   * @throws ExtractionException when the file gives no text, with the reason
   * @throws UncheckedIOException when the file cannot be opened at all (missing, a folder, no permission)
   */
  public ExtractedText extract(Path file) {
    Objects.requireNonNull(file, "file");
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    long size = sizeOf(file);
    checkSize(name, size);
    return run(new DocumentReader.Source(file, null, name, size));
  }

  /**
   * The text of an uploaded file's bytes.
   *
   * @param fileName the name it was sent under: a hint to its type, and what messages call it
   * @throws ExtractionException when the content gives no text, with the reason
   */
  public ExtractedText extract(byte[] content, String fileName) {
    Objects.requireNonNull(content, "content");
    String name = displayName(fileName);
    checkSize(name, content.length);
    return run(new DocumentReader.Source(null, content, name, content.length));
  }

  /** Stops the workers; a parse still running is interrupted. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private ExtractedText run(DocumentReader.Source source) {
    long timeout = limits.timeout().toNanos();
    long deadline = System.nanoTime() + timeout;
    Future<ExtractedText> result;
    try {
      result = workers.submit(() -> reader.read(source, deadline));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("this TextExtractor is closed", e);
    }
    try {
      return result.get(timeout, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw timeout(source.name(), limits, e);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException(Reason.TIMEOUT, "reading " + source.name() + " was stopped before it ended", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ExtractionException refused) {
        // The reader's own deadline check may fire just before ours: the same time-out, told the same way.
        throw refused.reason() == Reason.TIMEOUT ? timeout(source.name(), limits, refused) : refused;
      }
      throw new IllegalStateException("reading " + source.name() + " failed unexpectedly", e.getCause());
    }
  }

  private void checkSize(String name, long size) {
    if (size == 0) {
      throw new ExtractionException(Reason.EMPTY, name + " is empty (0 bytes)");
    }
    if (size > limits.maxFileBytes()) {
      throw tooLarge(name, size, limits);
    }
  }

  private static long sizeOf(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new UncheckedIOException(new IOException(file + " is a folder, not a file"));
      }
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("file not found: " + file, e);
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException("cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** An upload's name as messages show it: its last path segment, printable, at most 100 characters. */
  static String displayName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "the file";
    }
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      return "the file";
    }
    return name.length() <= 100 ? name : name.substring(0, 99) + "…";
  }

  static ExtractionException tooLarge(String name, long size, ExtractionLimits limits) {
    return new ExtractionException(Reason.TOO_LARGE, name + " is " + ExtractionLimits.sizeText(size)
        + "; files of up to " + limits.fileSizeText() + " are read: a CV is far smaller, so send the CV alone");
  }

  static ExtractionException timeout(String name, ExtractionLimits limits, Throwable cause) {
    return new ExtractionException(Reason.TIMEOUT, String.format(Locale.ROOT,
        "%s took longer than %s to read, so jobcode gave up on it; a CV reads in a second: the file may be damaged"
            + " or made to be slow", name, seconds(limits)), cause);
  }

  private static String seconds(ExtractionLimits limits) {
    long millis = limits.timeout().toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "jobcode-extract-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
