package dev.jobcode.table;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a table is laid out in its file, told by the file's name. */
public enum TableFormat {
  /** RFC 4180: comma-separated, a field that starts with a quote runs to its closing quote ({@code ""} inside). */
  CSV,
  /** Tab-separated plain text, as IANA's text/tab-separated-values: no quoting, a quote is a character like any other. */
  TSV,
  /** An Excel workbook (Office Open XML); its first sheet is the table. */
  XLSX,
  /** An Excel 97-2003 workbook, read only. */
  XLS;

  /**
   * The format a name asks for: {@code .csv}; {@code .tsv}, {@code .tab} or {@code .txt} (Excel's
   * "Unicode Text" and "Text (Tab delimited)" save as .txt); {@code .xlsx} or {@code .xlsm};
   * {@code .xls}. Empty for any other name.
   */
  public static Optional<TableFormat> named(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    return Optional.ofNullable(switch (extension) {
      case "csv" -> CSV;
      case "tsv", "tab", "txt" -> TSV;
      case "xlsx", "xlsm" -> XLSX;
      case "xls" -> XLS;
      default -> null;
    });
  }

  public boolean isText() {
    return this == CSV || this == TSV;
  }

  public boolean isWorkbook() {
    return !isText();
  }
}
