package dev.jobcode.documents;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse that has run out of time or that reads like no CV ever written. Tika's parsers do
 * not look at the thread's interrupt, but they call their content handler at every element and every
 * piece of text: this handler checks, at each call, the deadline and the interrupt, the number of
 * calls (elements and pieces of text: paragraphs, runs, cells) and how deeply elements nest, and
 * throws when one is past its limit. So an abandoned parse ends soon after it is abandoned instead
 * of holding its worker, and a file of millions of empty paragraphs, which gives no text to fill
 * the write limit, ends at the millionth, whatever the JDK's own XML limits are.
 */
final class Watchdog extends ContentHandlerDecorator {
  /** More elements and pieces of text than this is no CV: a long one has a few thousand. */
  static final int MAX_PARTS = 1_000_000;
  /** Deeper than this is no CV: tables in tables in lists rarely pass 20. */
  static final int MAX_DEPTH = 1_000;

  private final long deadlineNanos;
  private int parts;
  private int depth;

  /** Thrown into the parser when the time is up. */
  static final class Abandoned extends SAXException {
    Abandoned() {
      super("the time for this file is up");
    }
  }

  /** Thrown into the parser at the call past {@link #MAX_PARTS}. */
  static final class TooManyParts extends SAXException {
    TooManyParts() {
      super("more than " + MAX_PARTS + " elements and pieces of text");
    }
  }

  /** Thrown into the parser at the element past {@link #MAX_DEPTH}. */
  static final class TooDeep extends SAXException {
    TooDeep() {
      super("elements nested more than " + MAX_DEPTH + " deep");
    }
  }

  Watchdog(ContentHandler handler, long deadlineNanos) {
    super(handler);
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
    check();
    if (++depth > MAX_DEPTH) {
      throw new TooDeep();
    }
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void endElement(String uri, String localName, String name) throws SAXException {
    checkTime();
    depth--;
    super.endElement(uri, localName, name);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    check();
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    check();
    super.ignorableWhitespace(ch, start, length);
  }

  private void check() throws SAXException {
    checkTime();
    if (++parts > MAX_PARTS) {
      throw new TooManyParts();
    }
  }

  private void checkTime() throws Abandoned {
    if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
      throw new Abandoned();
    }
  }
}
