package dev.jobcode.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a text, or a skill's name, into the tokens names are matched on. The rules keep what
 * distinguishes technology names and what joins ordinary words:
 *
 * <ol>
 *   <li>a token is a run of letters and digits; a dot inside it is dropped ("Node.js" → "nodejs",
 *       "ASP.NET" → "aspnet") and a leading dot becomes "dot" (".NET" → "dotnet");
 *   <li>'+' and '#' right after it belong to it ("C++", "C#"), so "C" is never found in them;
 *   <li>a hyphen, '&amp;' or apostrophe between letters or digits joins one compound token
 *       ("C-suite", "R&amp;D", "go-to-market"), so no skill is found inside one; a final "'s" is
 *       dropped ("Python's" → "python");
 *   <li>everything else (spaces, commas, slashes, brackets, bullets) only separates.
 * </ol>
 *
 * Each token keeps its form in the text's own case, for the names that are ordinary words.
 */
final class Tokens {
  /**
   * One token: its place in the text, its key (lowercase) and form (original case).
   *
   * @param start offset of its first char
   * @param end offset after its last char (before a dropped "'s")
   */
  record Token(int start, int end, String key, String form) {}

  private Tokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean leadingDot = c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
          && (i == 0 || !isWordChar(text.charAt(i - 1)));
      if (!isWordChar(c) && !leadingDot) {
        i++;
        continue;
      }
      int start = i;
      i++;
      while (i < n) {
        char d = text.charAt(i);
        if (isWordChar(d) || (isJoiner(d) && i + 1 < n && isWordChar(text.charAt(i + 1)))) {
          i++;
        } else {
          break;
        }
      }
      while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
        i++;
      }
      tokens.add(token(text, start, i));
    }
    return tokens;
  }

  private static Token token(String text, int start, int end) {
    String raw = text.substring(start, end);
    if (raw.length() > 2 && (raw.endsWith("'s") || raw.endsWith("’s"))) {
      end -= 2;
      raw = raw.substring(0, raw.length() - 2);
    }
    if (raw.indexOf('.') < 0 && raw.indexOf('\'') < 0 && raw.indexOf('’') < 0) {
      return new Token(start, end, raw.toLowerCase(Locale.ROOT), raw);
    }
    StringBuilder form = new StringBuilder(raw.length() + 2);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '.') {
        if (i == 0) {
          form.append("dot");
        }
      } else if (c != '\'' && c != '’') {
        form.append(c);
      }
    }
    String f = form.toString();
    return new Token(start, end, f.toLowerCase(Locale.ROOT), f);
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isJoiner(char c) {
    return c == '.' || c == '-' || c == '&' || c == '\'' || c == '’';
  }

  /** The tokens' keys joined into one word, without hyphens: "Power BI" and "PowerBI" → "powerbi". */
  static String squash(List<String> keys) {
    StringBuilder b = new StringBuilder();
    for (String key : keys) {
      for (int i = 0; i < key.length(); i++) {
        if (key.charAt(i) != '-') {
          b.append(key.charAt(i));
        }
      }
    }
    return b.toString();
  }
}
