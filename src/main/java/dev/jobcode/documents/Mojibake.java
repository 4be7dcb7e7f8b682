package dev.jobcode.documents;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere on its way: "JosÃ©"
 * for "José", "â€“" for "–", "â€¢" (or "â¢", once the invisible byte was lost) for "•". Such
 * text reaches jobcode inside PDFs and Word files made from a mis-read export, and it splits the
 * words the encoder sees.
 *
 * <p>Proper text is left alone: the repair only touches a run that, written back as Windows-1252
 * bytes, is valid UTF-8 and decodes to a plausible character, and it is kept only when it lowers
 * the count of mojibake markers (a lead character such as "Ã" or "â" followed by a character that
 * stands for a UTF-8 continuation byte) and adds no replacement character. "für", "SÃO PAULO",
 * "JOÃO", «café» and "JOSÉ’S" have no such run. The steps:
 *
 * <ol>
 *   <li>Quick exit when no character is a possible lead (U+00C2..U+00F4).
 *   <li>At each lead, take the continuation characters its UTF-8 length asks for, map them back to
 *       their Windows-1252 bytes (a Latin-1 control U+0080..U+009F maps to its own byte), decode
 *       the bytes strictly as UTF-8, and keep the result if it is a plausible character (step 3);
 *       otherwise keep the lead as it is.
 *   <li>Plausible: not a control, unassigned, private-use character or U+FFFD; for a two-byte
 *       sequence, a letter or symbol of Latin-1, Latin Extended-A, Romanian ș ț, Vietnamese ơ ư,
 *       Greek, Cyrillic, Hebrew or Arabic, and not a lone combining mark (so "JOSÉ’S", whose "É’"
 *       would give the IPA letter ɒ, stays).
 *   <li>"â" followed by "¢" or "¦" alone is "•" or "…" whose middle byte 0x80 was dropped.
 *   <li>Repeat while it helps (text encoded twice needs two rounds), at most three times.
 * </ol>
 */
public final class Mojibake {
  /** Windows-1252's characters for bytes 0x80..0x9F; U+FFFF where the code page has none. */
  private static final String CP1252_HIGH =
      "€\uFFFF‚ƒ„…†‡ˆ‰Š‹Œ\uFFFFŽ\uFFFF\uFFFF‘’“”•–—˜™š›œ\uFFFFžŸ";
  private static final int MAX_ROUNDS = 3;

  private Mojibake() {}

  /** {@code text} with its mojibake repaired, or {@code text} itself when there is none. */
  public static String repair(String text) {
    Objects.requireNonNull(text, "text");
    if (!hasLead(text)) {
      return text;
    }
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String repaired = repairOnce(current);
      if (markers(repaired) >= markers(current) || replacements(repaired) > replacements(current)) {
        break;
      }
      current = repaired;
    }
    return current;
  }

  /** How many places in {@code text} look like mojibake: a lead followed by a continuation character. */
  static int markers(String text) {
    int count = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      if (isLead(text.charAt(i)) && continuationByte(text.charAt(i + 1)) >= 0) {
        count++;
      }
    }
    return count;
  }

  private static String repairOnce(String text) {
    StringBuilder out = new StringBuilder(text.length());
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!isLead(c)) {
        out.append(c);
        i++;
        continue;
      }
      int length = sequenceLength(c);
      String decoded = decode(utf8, text, i, length);
      if (decoded != null) {
        out.append(decoded);
        i += length;
      } else if (c == 'â' && droppedMiddleByte(text, i) != 0) {
        out.append(droppedMiddleByte(text, i));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The character that {@code length} characters at {@code start} stand for, or null when they stand for none. */
  private static String decode(CharsetDecoder utf8, String text, int start, int length) {
    if (start + length > text.length()) {
      return null;
    }
    byte[] bytes = new byte[length];
    bytes[0] = (byte) text.charAt(start);
    for (int k = 1; k < length; k++) {
      int b = continuationByte(text.charAt(start + k));
      if (b < 0) {
        return null;
      }
      bytes[k] = (byte) b;
    }
    CharBuffer chars;
    try {
      chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return null;
    }
    String s = chars.toString();
    return plausible(s.codePointAt(0), length) ? s : null;
  }

  private static boolean plausible(int cp, int length) {
    if (cp == 0xFFFD) {
      return false;
    }
    int type = Character.getType(cp);
    if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
        || type == Character.SURROGATE) {
      return false;
    }
    if (length > 2) {
      return true;
    }
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
      return false;
    }
    return cp <= 0x017F                                  // Latin-1 Supplement, Latin Extended-A
        || (cp >= 0x0218 && cp <= 0x021B)                // Romanian ș ț
        || cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0  // Vietnamese ơ ư
        || (cp >= 0x0370 && cp <= 0x052F)                // Greek, Cyrillic
        || (cp >= 0x0590 && cp <= 0x06FF);               // Hebrew, Arabic
  }

  /** "â¢" → •, "â¦" → …: E2 80 A2 / E2 80 A6 whose invisible 0x80 (a Latin-1 control) was lost. */
  private static char droppedMiddleByte(String text, int at) {
    if (at + 1 >= text.length()) {
      return 0;
    }
    boolean alone = at + 2 >= text.length() || continuationByte(text.charAt(at + 2)) < 0;
    if (!alone) {
      return 0;
    }
    return switch (text.charAt(at + 1)) {
      case '¢' -> '•';
      case '¦' -> '…';
      default -> 0;
    };
  }

  /** A character that UTF-8's lead bytes 0xC2..0xF4 become in Windows-1252 and Latin-1 (the same there). */
  private static boolean isLead(char c) {
    return c >= 0xC2 && c <= 0xF4;
  }

  private static boolean hasLead(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isLead(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int sequenceLength(char lead) {
    return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }

  /** The byte 0x80..0xBF that {@code c} is in Windows-1252 (or Latin-1 for its controls), or -1. */
  private static int continuationByte(char c) {
    if (c >= 0x80 && c <= 0xBF) {
      return c;
    }
    int i = CP1252_HIGH.indexOf(c);
    return i >= 0 && c != '\uFFFF' ? 0x80 + i : -1;
  }

  private static int replacements(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\uFFFD') {
        count++;
      }
    }
    return count;
  }
}
