package dev.jobcode.documents;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Extracted text made plain and comparable, whatever file it came from. In order:
 *
 * <ol>
 *   <li>Mojibake repaired ({@link Mojibake}), then Unicode NFC, so "é" is one character whether the
 *       file wrote it as one or as "e" and a combining accent.
 *   <li>Every line end ({@code \r\n}, {@code \r}, form feed between PDF pages, vertical tab, U+2028,
 *       U+2029, U+0085) becomes {@code \n}.
 *   <li>Control characters other than tab and {@code \n}, and byte-order marks, are dropped; Word's
 *       Symbol-font bullets (private-use U+F0B7, U+F0A7) become • and ▪, and a bullet that starts a
 *       line ("•", or "·" as Tika writes Word's list bullets) is followed by one space.
 *   <li>Spaces, tabs and no-break spaces at the end of each line are stripped.
 *   <li>Runs of blank lines become one blank line; blank lines at the start and the end go.
 * </ol>
 */
final class TextCleaner {
  private static final Pattern LINE_ENDS = Pattern.compile("\r\n?|[\f\u000B\u2028\u2029\u0085]");
  private static final Pattern JUNK = Pattern.compile("[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+$", Pattern.MULTILINE);
  private static final Pattern BULLET = Pattern.compile("^(\\h*)[•·]\\h+", Pattern.MULTILINE);
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private TextCleaner() {}

  static String clean(String raw) {
    String text = Normalizer.normalize(Mojibake.repair(raw), Normalizer.Form.NFC);
    text = LINE_ENDS.matcher(text).replaceAll("\n");
    text = JUNK.matcher(text).replaceAll("");
    text = text.replace('\uF0B7', '•').replace('\uF0A7', '▪');
    text = BULLET.matcher(text).replaceAll("$1• ");
    text = TRAILING_SPACE.matcher(text).replaceAll("");
    text = BLANK_LINES.matcher(text).replaceAll("\n\n");
    int start = 0;
    while (start < text.length() && text.charAt(start) == '\n') {
      start++;
    }
    return text.substring(start).stripTrailing();
  }

  /** A metadata title on one line, or null when it is blank. */
  static String title(String raw) {
    if (raw == null) {
      return null;
    }
    String title = clean(raw).replaceAll("\\s+", " ").strip();
    return title.isEmpty() ? null : title;
  }
}
