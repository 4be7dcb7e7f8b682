package dev.jobcode.table;

import java.nio.file.Path;
import java.util.List;

/**
 * A table file as people export it: a header row, then one row a record. CSV (RFC 4180 quoting),
 * TSV (plain tab-separated text: quotes are kept as written), or the first sheet of an Excel
 * workbook, told by the file's name ({@link TableFormat#named}); a .csv, or a file of another
 * name, whose first line has tabs and no commas is read as TSV. Text may be UTF-8 with or
 * without a byte-order mark, or UTF-16 with one ({@link TextFile}); CRLF, LF and CR line ends, a
 * last line without one and blank lines are all read. Strict otherwise: another encoding, a broken
 * CSV quote, a missing column or a row with the wrong number of fields is a {@link TableException}
 * naming the file and line (row, for a workbook).
 *
 * @param layout how the file was laid out, for an output that keeps it
 */
public record Table(Path file, List<String> header, List<Row> rows, Layout layout) {

  /** A data row and the line it starts on (the sheet's row number in a workbook). */
  public record Row(long line, List<String> values) {
    public String get(int column) {
      return values.get(column);
    }
  }

  public Table {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  public static Table read(Path file) {
    return parse(file, TextFile.bytes(file));
  }

  /** Reads a table from {@code bytes}, the content of a file called {@code file} (an upload, say). */
  public static Table parse(Path file, byte[] bytes) {
    TableFormat named = TableFormat.named(file).orElse(null);
    if (named != null && named.isWorkbook()) {
      DelimitedText.Parsed sheet = Spreadsheet.read(file, bytes, named);
      return new Table(file, sheet.header(), sheet.rows(), new Layout(named, TextEncoding.UTF_8, "\n"));
    }
    TextFile text = TextFile.decode(file, bytes);
    TableFormat format = named == TableFormat.TSV || DelimitedText.looksTabSeparated(text.text())
        ? TableFormat.TSV : TableFormat.CSV;
    DelimitedText.Parsed parsed = DelimitedText.parse(file, text.text(), format);
    return new Table(file, parsed.header(), parsed.rows(), new Layout(format, text.encoding(), text.lineEnd()));
  }

  /** Where a row is, for a message: the file and line, or row for a workbook. */
  public String at(Row row) {
    return file + (layout.format().isWorkbook() ? " row " : " line ") + row.line();
  }

  /** The position of a required column, or an error listing the columns there are. */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new TableException(file + ": no column '" + name + "'; columns are " + header);
    }
    return i;
  }

  /** The position of an optional column, or -1. */
  public int optionalColumn(String name) {
    return header.indexOf(name);
  }
}
