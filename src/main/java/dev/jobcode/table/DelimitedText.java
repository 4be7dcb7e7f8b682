package dev.jobcode.table;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits decoded text into a header and rows: CSV by RFC 4180 (commons-csv), TSV as plain lines of
 * tab-separated fields in which a quote is an ordinary character. Lines end in CRLF, LF or CR; a
 * blank line, or one whose fields are all blank, is passed over.
 */
final class DelimitedText {
  /** The header, and the rows that follow it, each with the line it starts on. */
  record Parsed(List<String> header, List<Table.Row> rows) {}

  private DelimitedText() {}

  static Parsed parse(Path file, String text, TableFormat format) {
    return format == TableFormat.TSV ? tsv(file, text) : csv(file, text);
  }

  /** True when the first line holds tabs and no commas: a tab-separated file under a .csv name. */
  static boolean looksTabSeparated(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String first = text.substring(0, end);
    return first.indexOf('\t') >= 0 && first.indexOf(',') < 0;
  }

  private static Parsed tsv(Path file, String text) {
    Collector rows = new Collector(file, "tab-separated fields");
    int line = 0;
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      rows.add(++line, List.of(text.substring(i, end).split("\t", -1)));
      i = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
          ? end + 2 : end + 1;
    }
    return rows.parsed();
  }

  private static Parsed csv(Path file, String text) {
    Collector rows = new Collector(file, "fields");
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.RFC4180).get()) {
      long nextLine = 1;
      for (CSVRecord record : parser) {
        rows.add(nextLine, record.toList());
        nextLine = parser.getCurrentLineNumber() + 1;
      }
    } catch (UncheckedIOException | IOException e) {
      throw CsvQuotes.locate(file, text).orElseGet(() -> new TableException(file + ": " + e.getMessage()));
    }
    return rows.parsed();
  }

  /** Takes the first non-blank record as the header and every later one as a row of its width. */
  private static final class Collector {
    private final Path file;
    private final String fieldsName;
    private final List<Table.Row> rows = new ArrayList<>();
    private List<String> header;

    Collector(Path file, String fieldsName) {
      this.file = file;
      this.fieldsName = fieldsName;
    }

    void add(long line, List<String> fields) {
      if (fields.stream().allMatch(String::isBlank)) {
        return;
      }
      if (header == null) {
        header = fields.stream().map(String::strip).toList();
      } else if (fields.size() != header.size()) {
        throw new TableException(file + " line " + line + ": expected " + header.size() + " " + fieldsName
            + " like the header, found " + fields.size());
      } else {
        rows.add(new Table.Row(line, fields));
      }
    }

    Parsed parsed() {
      if (header == null) {
        throw new TableException(file + " is empty: expected a header row");
      }
      return new Parsed(header, List.copyOf(rows));
    }
  }
}
