package dev.jobcode.table;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * Writes a table in a {@link Layout}, into a temporary file beside the target that {@link #commit}
 * moves into place: a run that fails or is interrupted leaves no half-written file, and an output
 * that is also the input is only replaced once it is whole. What it writes, {@link Table#read}
 * reads back to the same values.
 */
public abstract sealed class TableWriter implements Closeable permits DelimitedWriter, SpreadsheetWriter {
  protected final Path target;
  protected final Path tmp;
  protected final List<String> header;
  private boolean committed;

  protected TableWriter(Path target, List<String> header) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    this.header = List.copyOf(header);
    this.tmp = TemporaryFiles.beside(this.target);
  }

  /**
   * A writer of {@code target}, which gets {@code header} first.
   *
   * @param numericColumns columns a workbook stores as numbers (when they parse as one); every
   *     other cell is text, so that codes like 11-1011 never turn into dates
   */
  public static TableWriter create(Path target, Layout layout, List<String> header, Set<String> numericColumns)
      throws IOException {
    return layout.format().isText()
        ? new DelimitedWriter(target, layout, header)
        : new SpreadsheetWriter(target, header, numericColumns);
  }

  /** Writes one row of the header's width. */
  public abstract void write(List<String> values) throws IOException;

  /** Finishes the temporary file. */
  protected abstract void finish() throws IOException;

  /** Releases what an unfinished file holds. */
  protected abstract void abandon() throws IOException;

  /** Finishes the file and moves it to the target. */
  public void commit() throws IOException {
    finish();
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  /** Without a commit, drops the temporary file. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        abandon();
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  protected void checkWidth(List<String> values) {
    if (values.size() != header.size()) {
      throw new IllegalArgumentException("a row of " + values.size() + " values under a header of " + header.size());
    }
  }
}
