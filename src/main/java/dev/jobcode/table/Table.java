package dev.jobcode.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV or TSV file (a {@code .tsv} or {@code .tab} name means tab-separated): a header row, then
 * one record a row. Strict: a file that is not UTF-8, a missing column or a row with the wrong
 * number of fields is a {@link TableException} naming the file and line.
 */
public record Table(Path file, List<String> header, List<Row> rows) {

  /** A data row and the line it starts on. */
  public record Row(long line, List<String> values) {
    public String get(int column) {
      return values.get(column);
    }
  }

  /** RFC 4180 CSV, or tab-separated for a .tsv or .tab name. */
  public static CSVFormat formatFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    CSVFormat base = name.endsWith(".tsv") || name.endsWith(".tab") ? CSVFormat.TDF : CSVFormat.RFC4180;
    return base.builder().setRecordSeparator('\n').get();
  }

  public static Table read(Path file) {
    CSVFormat format = formatFor(file);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    long line = 1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
         CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        line = parser.getCurrentLineNumber();
        List<String> values = record.toList();
        if (header == null) {
          header = values.stream().map(v -> v.replace("\uFEFF", "").strip()).toList();
          continue;
        }
        if (values.size() == 1 && values.get(0).isBlank()) {
          continue;
        }
        if (values.size() != header.size()) {
          throw new TableException(file + " line " + line + ": expected " + header.size()
              + " fields like the header, found " + values.size());
        }
        rows.add(new Row(line, values));
      }
    } catch (NoSuchFileException e) {
      throw new TableException("input file not found: " + file);
    } catch (CharacterCodingException e) {
      throw new TableException(file + " near line " + (line + 1) + ": not valid UTF-8");
    } catch (UncheckedIOException e) {
      throw new TableException(file + " near line " + (line + 1) + ": " + describe(e.getCause()));
    } catch (IOException e) {
      throw new TableException(file + " near line " + (line + 1) + ": " + describe(e));
    }
    if (header == null) {
      throw new TableException(file + " is empty: expected a header row");
    }
    return new Table(file, header, rows);
  }

  /** The position of a required column, or an error listing the columns there are. */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new TableException(file + " line 1: no column '" + name + "'; columns are " + header);
    }
    return i;
  }

  /** The position of an optional column, or -1. */
  public int optionalColumn(String name) {
    return header.indexOf(name);
  }

  private static String describe(IOException e) {
    return e instanceof CharacterCodingException ? "not valid UTF-8" : e.getMessage();
  }
}
