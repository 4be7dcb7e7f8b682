package dev.jobcode.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV (RFC 4180: a value with a comma, quote or line end is quoted, a quote doubled) or TSV (plain
 * text: quotes as they are; a tab or line end inside a value, which TSV cannot hold, becomes a
 * space), in the layout's encoding, byte-order mark and line end.
 */
final class DelimitedWriter extends TableWriter {
  private final Writer out;
  private final CSVPrinter csv;
  private final String lineEnd;

  DelimitedWriter(Path target, Layout layout, List<String> header) throws IOException {
    super(target, header);
    OutputStream stream = Files.newOutputStream(tmp);
    stream.write(layout.encoding().bom());
    this.out = new BufferedWriter(new OutputStreamWriter(stream, layout.encoding().charset()));
    this.lineEnd = layout.lineEnd();
    this.csv = layout.format() == TableFormat.CSV
        ? new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator(lineEnd).get()) : null;
    write(header);
  }

  @Override
  public void write(List<String> values) throws IOException {
    checkWidth(values);
    if (csv != null) {
      csv.printRecord(values);
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      out.write(values.get(i).replaceAll("[\t\r\n]", " "));
    }
    out.write(lineEnd);
  }

  @Override
  protected void finish() throws IOException {
    out.close();
  }

  @Override
  protected void abandon() throws IOException {
    out.close();
  }
}
