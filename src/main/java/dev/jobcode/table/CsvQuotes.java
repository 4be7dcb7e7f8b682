package dev.jobcode.table;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds where a CSV's quoting breaks, by line and column, for the error message: commons-csv says
 * that a quote is wrong but not where on the line. RFC 4180: a field that starts with a quote ends
 * at the next lone quote, which a comma or a line end must follow; {@code ""} is a quote inside it.
 * A quote inside a field that did not start with one is a plain character (as Excel reads it), and
 * white space between a closing quote and the comma is passed over.
 */
final class CsvQuotes {
  private static final String HINT = " In a CSV a field that starts with a quote must end with one, with \"\" for a quote"
      + " inside; or save the file as .tsv, where quotes are plain text.";

  private CsvQuotes() {}

  static Optional<TableException> locate(Path file, String text) {
    int line = 1;
    int lineStart = 0;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (fieldStart && c == '"') {
        int openLine = line;
        int openColumn = i - lineStart + 1;
        int j = i + 1;
        while (true) {
          if (j >= text.length()) {
            return Optional.of(new TableException(file + " line " + openLine + ", column " + openColumn
                + ": the quote that opens this field is never closed." + HINT));
          }
          char d = text.charAt(j);
          if (d == '"' && j + 1 < text.length() && text.charAt(j + 1) == '"') {
            j += 2;
            continue;
          }
          if (d == '"') {
            break;
          }
          if (d == '\n' || (d == '\r' && (j + 1 >= text.length() || text.charAt(j + 1) != '\n'))) {
            line++;
            lineStart = j + 1;
          }
          j++;
        }
        int after = j + 1;
        while (after < text.length() && text.charAt(after) != '\r' && text.charAt(after) != '\n'
            && Character.isWhitespace(text.charAt(after))) {
          after++;   // commons-csv passes over white space after the closing quote
        }
        if (after < text.length() && ",\r\n".indexOf(text.charAt(after)) < 0) {
          return Optional.of(new TableException(file + " line " + line + ", column " + (after - lineStart + 1)
              + ": '" + text.charAt(after) + "' follows the quote that closes the field opened at line " + openLine
              + ", column " + openColumn + ", where a comma or the end of the line must come." + HINT));
        }
        i = after - 1;
        fieldStart = false;
      } else if (c == ',') {
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\n' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          line++;
          lineStart = i + 1;
        }
        fieldStart = true;
      } else {
        fieldStart = false;
      }
    }
    return Optional.empty();
  }
}
