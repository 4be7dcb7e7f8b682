package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import dev.jobcode.table.TextEncoding;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A text or Markdown file's bytes as text, the way the table reader takes text files: a byte-order
 * mark tells UTF-8 from UTF-16; without one the file must be UTF-8. Nothing is guessed, because a
 * guessed Latin-1 turns a CV's "ü" into the wrong letter without a word of warning.
 */
final class PlainText {
  private PlainText() {}

  static String decode(byte[] bytes, String name) {
    TextEncoding encoding = TextEncoding.detect(bytes);   // as every table file is read: by its byte-order mark
    Charset charset = encoding.charset();
    int start = encoding.bom().length;
    if (start == 0 && looksLikeUtf16(bytes)) {
      throw new ExtractionException(Reason.BAD_ENCODING, name + " looks like UTF-16 without a byte-order mark;"
          + " save it as UTF-8");
    }
    String text = strictly(bytes, start, charset, name);
    if (text.indexOf('\0') >= 0) {
      throw new ExtractionException(Reason.BAD_ENCODING, name + " holds NUL characters, so it is not text;"
          + " save it as UTF-8 text");
    }
    return text;
  }

  /** A NUL in every other byte of the first 4 KB, at least one in four: ASCII letters in UTF-16. */
  private static boolean looksLikeUtf16(byte[] bytes) {
    int n = Math.min(bytes.length, 4096);
    int even = 0;
    int odd = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    return n >= 4 && Math.max(even, odd) * 4 >= n;
  }

  private static String strictly(byte[] bytes, int start, Charset charset, String name) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notDecodable(bytes, start, in.position(), charset, name);
    }
    return out.flip().toString();
  }

  private static ExtractionException notDecodable(byte[] bytes, int start, int at, Charset charset, String name) {
    int line = 1;
    for (int i = start; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    if (charset != StandardCharsets.UTF_8) {
      return new ExtractionException(Reason.BAD_ENCODING, String.format(Locale.ROOT,
          "%s is not valid %s (a broken character on line %d); save it again as UTF-8", name, charset.name(), line));
    }
    return new ExtractionException(Reason.BAD_ENCODING, String.format(Locale.ROOT,
        "%s is not UTF-8 (byte 0x%02X on line %d): it is probably Latin-1 or Windows-1252; save it as UTF-8",
        name, bytes[at] & 0xFF, line));
  }
}
