package dev.jobcode.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of O*NET's tab-delimited text files: a header row, then one record a line. Every
 * problem (missing file, missing column, ragged row, bad encoding) is a {@link TaxonomyException}
 * naming the file and line.
 */
public final class TsvFile {

  /** One data row; {@link #get} reads a column by the name the header gave it. */
  public record Row(Path file, int line, List<String> header, String[] fields) {
    public String get(String column) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return fields[i].strip();
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
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      String headerLine = in.readLine();
      line = 1;
      if (headerLine == null) {
        throw new TaxonomyException(file.getFileName() + " is empty: expected a header row (" + file + ")");
      }
      List<String> header = List.of(stripBom(headerLine).split("\t", -1));
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (!header.contains(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new TaxonomyException(file.getFileName() + " line 1: bad header, missing column(s) " + missing
            + "; found " + header + " (" + file + ")");
      }
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String[] fields = text.split("\t", -1);
        Row row = new Row(file, line, header, fields);
        if (fields.length != header.size()) {
          throw row.error("expected " + header.size() + " tab-separated fields, found " + fields.length);
        }
        handler.accept(row);
      }
    } catch (NoSuchFileException e) {
      throw new TaxonomyException("missing file: " + file, e);
    } catch (CharacterCodingException e) {
      throw new TaxonomyException(file.getFileName() + " line " + (line + 1) + ": not valid UTF-8 (" + file + ")", e);
    } catch (IOException e) {
      throw new TaxonomyException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
