package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.xml.sax.SAXException;

/**
 * A PDF's text, read with PDFBox (the library under Tika's PDF parser) through a text stripper that
 * can be stopped. Tika's PDF parser cannot be: it hears nothing from PDFBox while one page is
 * processed, and PDFBox inflates each content stream whole into memory, so a 10 MB PDF whose one
 * page inflates to gigabytes of drawing operators would fill the heap and keep its worker for
 * minutes. Here:
 *
 * <ol>
 *   <li>a PDF of more than {@value #MAX_PAGES} pages is refused as too large (counted as pages are
 *       read too, in case the page tree lies about its size);
 *   <li>before a page or a form (a reusable piece of page content) is processed, each content
 *       stream is inflated into a counter, without being kept, and one that comes to more than
 *       {@value #MAX_STREAM_MB} MB is refused as too large;
 *   <li>the deadline and the thread's interrupt are checked at every operator of every content
 *       stream, so an abandoned parse stops at once.
 * </ol>
 *
 * <p>No OCR, no annotations, no form fields: the page text only.
 */
final class PdfText {
  static final int MAX_PAGES = 1_000;
  static final int MAX_STREAM_MB = 32;
  private static final long MAX_STREAM_BYTES = (long) MAX_STREAM_MB << 20;

  private PdfText() {}

  /** Writes the PDF's text into {@code sink}; returns its title, or null when it has none. */
  static String read(DocumentReader.Source source, TextSink sink, long deadlineNanos) throws IOException {
    try (PDDocument document = source.file() != null ? Loader.loadPDF(source.file().toFile())
        : Loader.loadPDF(source.bytes())) {
      int pages = document.getNumberOfPages();
      if (pages > MAX_PAGES) {
        throw tooManyPages(source, pages);
      }
      Stripper stripper = new Stripper(source, deadlineNanos);
      stripper.setSortByPosition(false);
      stripper.setLineSeparator("\n");
      stripper.writeText(document, new SinkWriter(sink));
      return document.getDocumentInformation().getTitle();
    }
  }

  private static ExtractionException tooManyPages(DocumentReader.Source source, int pages) {
    return new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
        "%s has %,d pages; PDFs of up to %,d pages are read: a CV has a few", source.name(), pages, MAX_PAGES));
  }

  private static final class Stripper extends PDFTextStripper {
    private final DocumentReader.Source source;
    private final long deadlineNanos;
    private final Map<COSStream, Long> inflatedSizes = new IdentityHashMap<>();
    private int pagesRead;

    Stripper(DocumentReader.Source source, long deadlineNanos) {
      this.source = source;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
      if (++pagesRead > MAX_PAGES) {
        throw tooManyPages(source, pagesRead);
      }
      checkTime();
      for (var streams = page.getContentStreams(); streams.hasNext(); ) {
        checkSize(streams.next().getCOSObject());
      }
      super.processPage(page);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
      checkSize(form.getCOSObject());
      super.showForm(form);
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
      checkSize(form.getCOSObject());
      super.showTransparencyGroup(form);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      checkTime();
      super.processOperator(operator, operands);
    }

    private void checkTime() {
      if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
        throw new ExtractionException(Reason.TIMEOUT, "the time for " + source.name() + " is up");
      }
    }

    /** Refuses a content stream that inflates past the limit; inflates each one once. */
    private void checkSize(COSStream stream) throws IOException {
      Long size = inflatedSizes.get(stream);
      if (size == null) {
        size = inflatedSize(stream);
        inflatedSizes.put(stream, size);
      }
      if (size > MAX_STREAM_BYTES) {
        throw new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
            "%s has page content that inflates to more than %d MB (a \"PDF bomb\"?); jobcode does not read it",
            source.name(), MAX_STREAM_MB));
      }
    }

    /**
     * The stream's length after its filters, up to just past the limit: each filter but the last
     * inflates into a buffer (never past the limit), the last into a counter.
     */
    private long inflatedSize(COSStream stream) throws IOException {
      List<COSName> filters = filterNames(stream.getFilters());
      if (filters.isEmpty()) {
        return stream.getLength();
      }
      InputStream in = stream.createRawInputStream();
      try {
        for (int i = 0; i < filters.size(); i++) {
          Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
          boolean last = i == filters.size() - 1;
          CappedCounter out = new CappedCounter(!last);
          try {
            filter.decode(in, out, stream, i);
          } catch (IOException e) {
            // Past the limit, or damaged: PDFBox reads what it can of a damaged stream, and so do we.
            return out.count;
          }
          in.close();
          if (last) {
            return out.count;
          }
          in = new ByteArrayInputStream(out.buffer.toByteArray());
        }
        return 0;
      } finally {
        in.close();
      }
    }

    private static List<COSName> filterNames(COSBase filters) {
      List<COSName> names = new ArrayList<>();
      if (filters instanceof COSName name) {
        names.add(name);
      } else if (filters instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.getObject(i) instanceof COSName name) {
            names.add(name);
          }
        }
      }
      return names;
    }

    /** Counts what a filter writes, keeps it if asked, and stops the filter just past the limit. */
    private final class CappedCounter extends OutputStream {
      final ByteArrayOutputStream buffer;
      long count;

      CappedCounter(boolean keep) {
        this.buffer = keep ? new ByteArrayOutputStream() : null;
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        count += len;
        if (count > MAX_STREAM_BYTES) {
          throw new IOException("inflates past " + MAX_STREAM_MB + " MB");
        }
        checkTime();
        if (buffer != null) {
          buffer.write(b, off, len);
        }
      }
    }
  }

  /** PDFBox writes text to a Writer; this hands it to the sink, whose write limit stops PDFBox. */
  private static final class SinkWriter extends Writer {
    private final TextSink sink;

    SinkWriter(TextSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      try {
        sink.characters(chars, off, len);
      } catch (SAXException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void flush() {
      // nothing is buffered
    }

    @Override
    public void close() {
      // the sink outlives the writer
    }
  }
}
