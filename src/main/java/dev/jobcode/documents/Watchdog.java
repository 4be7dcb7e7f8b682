package dev.jobcode.documents;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse whose time is up. Tika's parsers do not look at the thread's interrupt, but they
 * call their content handler at every element and every piece of text: this handler checks the
 * deadline and the interrupt there and throws, so an abandoned parse ends soon after it is
 * abandoned instead of holding its worker.
 */
final class Watchdog extends ContentHandlerDecorator {
  private final long deadlineNanos;

  /** Thrown into the parser when the time is up. */
  static final class Abandoned extends SAXException {
    Abandoned() {
      super("the time for this file is up");
    }
  }

  Watchdog(ContentHandler handler, long deadlineNanos) {
    super(handler);
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
    check();
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void endElement(String uri, String localName, String name) throws SAXException {
    check();
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

  private void check() throws Abandoned {
    if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
      throw new Abandoned();
    }
  }
}
