package dev.jobcode.taxonomy;

import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of O*NET's tab-delimited text files through jobcode's one table reader: a header row,
 * then one record a line, quotes read as plain text. Every problem (missing file, missing column,
 * ragged row, bad encoding) is a {@link TaxonomyException} naming the file and line.
 */
public final class TsvFile {

  /** One data row; {@link #get} reads a column by the name the header gave it. */
  public record Row(Path file, long line, List<String> header, List<String> fields) {
    public String get(String column) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return fields.get(i).strip();
    }

    /** An error about this row, located for the person who has to fix the file. */
    public TaxonomyException error(String message) {
      return new TaxonomyException(file.getFileName() + " line " + line + ": " + message + " (" + file + ")");
    }
  }

  /** Receives rows in file order. */
  @FunctionalInterface
  public interface RowHandler {
    void accept(Row row);
  }

  private TsvFile() {}

  /** Reads {@code file}, checking that its header has every column in {@code required}. */
  public static void read(Path file, List<String> required, RowHandler handler) {
    Table table;
    try {
      table = Table.read(file);
    } catch (TableException e) {
      throw new TaxonomyException(e.getMessage(), e);
    }
    List<String> missing = new ArrayList<>(required);
    missing.removeAll(table.header());
    if (!missing.isEmpty()) {
      throw new TaxonomyException(file.getFileName() + " line 1: bad header, missing column(s) " + missing
          + "; found " + table.header() + " (" + file + ")");
    }
    for (Table.Row row : table.rows()) {
      handler.accept(new Row(file, row.line(), table.header(), row.values()));
    }
  }
}
