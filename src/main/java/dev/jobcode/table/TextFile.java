package dev.jobcode.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A whole text file decoded the way people's files come: a byte-order mark is skipped and tells
 * UTF-8 from UTF-16; without one the file must be UTF-8. What cannot be read as text is refused
 * with one line that says what the file seems to be and how to save it as UTF-8.
 *
 * @param text the decoded text, without the byte-order mark
 * @param encoding how the file was encoded, so that it can be written back the same way
 * @param lineEnd the first line end in the file ({@code \r\n}, {@code \n} or {@code \r}), or {@code \n}
 */
public record TextFile(String text, TextEncoding encoding, String lineEnd) {
  /** The largest file read whole: a table beyond this belongs in smaller files. */
  static final long MAX_BYTES = 1L << 30;

  public static TextFile read(Path file) {
    return decode(file, bytes(file));
  }

  /** Decodes {@code bytes}, a file's content; {@code file} names it in messages. */
  public static TextFile decode(Path file, byte[] bytes) {
    TextEncoding encoding = TextEncoding.detect(bytes);
    int start = encoding.bom().length;
    if (encoding == TextEncoding.UTF_8) {
      refuseNonText(file, bytes);
    }
    String text = decode(file, bytes, start, encoding);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new TableException(file + " line " + lineOf(text, nul) + ": a NUL character; this is not a text file");
    }
    return new TextFile(text, encoding, lineEnd(text));
  }

  /** The file's bytes, or an error saying why they cannot be had. */
  static byte[] bytes(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new TableException(file + " is a folder, not a file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new TableException(String.format(Locale.ROOT, "%s is %,d MB; files of up to %,d MB are read: split it",
            file, size >> 20, MAX_BYTES >> 20));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TableException("input file not found: " + file);
    } catch (AccessDeniedException e) {
      throw new TableException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new TableException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Workbooks and BOM-less UTF-16 under a text name: say what they are instead of a puzzling error. */
  private static void refuseNonText(Path file, byte[] bytes) {
    if (isZip(bytes)) {
      throw new TableException(file + " is a ZIP archive, not text; an Excel workbook is read when its name ends in .xlsx");
    }
    if (isOle2(bytes)) {
      throw new TableException(file + " is an Excel 97-2003 workbook, not text; it is read when its name ends in .xls");
    }
    int oddNuls = 0;
    int evenNuls = 0;
    int n = Math.min(bytes.length, 4096);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        if (i % 2 == 0) {
          evenNuls++;
        } else {
          oddNuls++;
        }
      }
    }
    if (n >= 4 && Math.max(oddNuls, evenNuls) * 4 >= n) {
      String endian = oddNuls > evenNuls ? "UTF-16LE" : "UTF-16BE";
      throw new TableException(file + " looks like " + endian + " text without a byte-order mark; save it as UTF-8"
          + " (Excel: \"CSV UTF-8\"), or convert it: iconv -f " + endian + " -t UTF-8 " + quoted(file) + " > "
          + quoted(utf8Name(file)));
    }
  }

  private static String decode(Path file, byte[] bytes, int start, TextEncoding encoding) {
    CharsetDecoder decoder = encoding.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (bytes.length - start) + 16));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notDecodable(file, bytes, start, in.position(), encoding);
    }
    return out.flip().toString();
  }

  private static TableException notDecodable(Path file, byte[] bytes, int start, int at, TextEncoding encoding) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    if (encoding != TextEncoding.UTF_8 && encoding != TextEncoding.UTF_8_BOM) {
      return new TableException(file + " line " + line + ": not valid " + encoding.description()
          + " (a broken character at byte " + (at - lineStart + 1) + " of the line)");
    }
    return new TableException(String.format(Locale.ROOT,
        "%s line %d: byte 0x%02X (byte %d of the line) is not UTF-8; the file is probably Latin-1 or Windows-1252, "
            + "as Excel's plain \"CSV\" saves it. Save it as \"CSV UTF-8\", or convert it: iconv -f WINDOWS-1252 -t UTF-8 %s > %s",
        file, line, bytes[at] & 0xFF, at - lineStart + 1, quoted(file), quoted(utf8Name(file))));
  }

  /** The line (1-based) that character {@code index} of {@code text} is on, counting CRLF, LF and CR as line ends. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static String lineEnd(String text) {
    int lf = text.indexOf('\n');
    if (lf > 0 && text.charAt(lf - 1) == '\r') {
      return "\r\n";
    }
    if (lf < 0 && text.indexOf('\r') >= 0) {
      return "\r";
    }
    return "\n";
  }

  /** A ZIP archive, as an Office Open XML workbook is. */
  static boolean isZip(byte[] bytes) {
    return startsWith(bytes, 0x50, 0x4B, 0x03, 0x04);
  }

  /** An OLE2 compound file, as an Excel 97-2003 workbook is. */
  static boolean isOle2(byte[] bytes) {
    return startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Path utf8Name(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String utf8 = dot > 0 ? name.substring(0, dot) + "-utf8" + name.substring(dot) : name + "-utf8";
    return file.resolveSibling(utf8);
  }

  /** A path as a shell would take it, so that the suggested command can be pasted. */
  private static String quoted(Path file) {
    String s = file.toString();
    return s.matches("[A-Za-z0-9_./+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
