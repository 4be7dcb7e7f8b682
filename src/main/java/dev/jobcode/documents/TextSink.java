package dev.jobcode.documents;

import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns a parser's XHTML body into plain text, the same way for every kind of file, within Tika's
 * write limit.
 *
 * <ul>
 *   <li>Block elements (paragraphs, headings, list items, table rows, line breaks) start a new line;
 *       the line ends the parsers write themselves as layout ("ignorable whitespace") count only as
 *       one line end, so a paragraph is one line in every format; line ends inside the text are
 *       kept, at most two in a row (one blank line).
 *   <li>In HTML, as in a browser, a line end in the text is a space and a run of spaces is one
 *       space, except inside {@code <pre>}: the line ends of an HTML file are the markup's layout.
 *   <li>A list item starts with "• ", whatever the file's own bullet; table cells are separated by a
 *       tab.
 *   <li>Characters are counted as the cleaned text will have them (blank-line runs squeezed, spaces
 *       before a line end dropped), so a PDF of a thousand empty pages is not "too long". Passing
 *       the limit throws Tika's {@link WriteLimitReachedException}, which stops the parse: no
 *       hostile file makes the buffer grow past the limit.
 * </ul>
 */
final class TextSink extends DefaultHandler {
  /** Longest run of spaces kept; a longer one is layout, not text. */
  private static final int MAX_SPACES = 256;
  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
      "dt", "dd", "tr", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "br", "hr", "section",
      "article", "header", "footer", "nav", "aside", "main", "address", "figure", "figcaption", "form", "fieldset");

  private final int limit;
  private final boolean html;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder spaces = new StringBuilder();
  private int newlines;
  private boolean afterCarriageReturn;
  private boolean bullet;
  private int preformatted;

  /** A sink for {@code limit} characters; {@code html}: whitespace in the text as a browser shows it. */
  TextSink(int limit, boolean html) {
    this.limit = limit;
    this.html = html;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String name = name(localName, qName);
    if (name.equals("pre")) {
      preformatted++;
    }
    if (name.equals("li")) {
      lineBreak();
      bullet = true;
    } else if (name.equals("td") || name.equals("th")) {
      separate('\t');
    } else if (BLOCKS.contains(name)) {
      lineBreak();
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = name(localName, qName);
    if (name.equals("pre")) {
      preformatted = Math.max(0, preformatted - 1);
    }
    if (name.equals("li")) {
      bullet = false;
      lineBreak();
    } else if (BLOCKS.contains(name)) {
      lineBreak();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws WriteLimitReachedException {
    for (int i = start; i < start + length; i++) {
      append(ch[i]);
    }
  }

  /** Layout: a line end in it is one line end at most, a space or tab one separator at most. */
  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (isLineEnd(ch[i])) {
        lineBreak();
      } else {
        separate(ch[i]);
      }
    }
  }

  /** The text so far, without the whitespace after its last word. */
  String text() {
    return text.toString();
  }

  private void append(char c) throws WriteLimitReachedException {
    boolean crlf = afterCarriageReturn && c == '\n';
    afterCarriageReturn = c == '\r';
    if (crlf) {
      return;
    }
    if (html && preformatted == 0 && (isLineEnd(c) || c == ' ' || c == '\t')) {
      separate(' ');
    } else if (isLineEnd(c)) {
      newlines++;
      spaces.setLength(0);
    } else if (c == ' ' || c == '\t' || c == '\u00A0') {
      if (spaces.length() < MAX_SPACES) {
        spaces.append(c);
      }
    } else {
      write(c);
    }
  }

  /** Writes a visible character after the whitespace pending before it. */
  private void write(char c) throws WriteLimitReachedException {
    if (!text.isEmpty() && newlines > 0) {
      text.repeat('\n', Math.min(newlines, 2));
    }
    if (!text.isEmpty() || newlines == 0) {
      text.append(spaces);
    }
    newlines = 0;
    spaces.setLength(0);
    if (bullet) {
      bullet = false;
      if (c != '•' && c != '·' && c != '-' && c != '*') {
        text.append("• ");
      }
    }
    text.append(c);
    if (text.length() > limit) {
      throw new WriteLimitReachedException(limit);
    }
  }

  private void lineBreak() {
    newlines = Math.max(newlines, 1);
    spaces.setLength(0);
  }

  private void separate(char c) {
    if (newlines == 0 && spaces.isEmpty()) {
      spaces.append(c);
    }
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029' || c == '\u0085';
  }

  private static String name(String localName, String qName) {
    return localName == null || localName.isEmpty() ? qName : localName;
  }
}
