package dev.jobcode.table;

import java.nio.file.Path;

/**
 * How a table was laid out in its file: format, encoding and line end. An output written with the
 * input's layout opens in the same program the same way.
 */
public record Layout(TableFormat format, TextEncoding encoding, String lineEnd) {
  public static final Layout CSV = new Layout(TableFormat.CSV, TextEncoding.UTF_8, "\n");

  /**
   * The layout of an output derived from this input: the format the output's name asks for (the
   * input's for another name); and, between text formats, the input's encoding and line end.
   */
  public Layout forOutput(Path output) {
    TableFormat format = TableFormat.named(output).orElse(this.format);
    if (format == TableFormat.XLS) {
      throw new TableException(output + ": .xls workbooks are read, not written; name the output .xlsx");
    }
    if (format.isWorkbook()) {
      return new Layout(format, TextEncoding.UTF_8, "\n");
    }
    return this.format.isText() ? new Layout(format, encoding, lineEnd) : new Layout(format, TextEncoding.UTF_8, "\n");
  }
}
