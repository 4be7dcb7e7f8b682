package dev.jobcode.documents;

import dev.jobcode.testing.CvDocuments;
import dev.jobcode.testing.CvDocuments.Format;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Files made to hurt a reader, written as streams: none is ever held in memory whole. */
final class HostileFiles {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private HostileFiles() {}

  /** Writes the parts of a document.xml: its start, a body, its end. */
  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * A real DOCX (from {@link CvDocuments}) whose word/document.xml is replaced by {@code body}
   * between the document's start and end tags, streamed into the zip.
   */
  static Path docx(Path dir, String name, String prologue, Body body) throws IOException {
    Path template = CvDocuments.write(dir, name + "-template", "Template\nnothing", Format.DOCX);
    Path file = dir.resolve(name + ".docx");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template));
         ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("word/document.xml")) {
          write(out, prologue + "<w:document xmlns:w=\"" + W + "\"><w:body>");
          body.write(out);
          write(out, "</w:body></w:document>");
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.delete(template);
    return file;
  }

  /** An ODT whose content.xml holds {@code body} inside its text element, streamed into the zip. */
  static Path odt(Path dir, String name, Body body) throws IOException {
    Path file = dir.resolve(name + ".odt");
    try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.putNextEntry(new ZipEntry("mimetype"));
      write(out, "application/vnd.oasis.opendocument.text");
      out.closeEntry();
      out.putNextEntry(new ZipEntry("content.xml"));
      write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
          + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>");
      body.write(out);
      write(out, "</office:text></office:body></office:document-content>");
      out.closeEntry();
    }
    return file;
  }

  /** {@code times} copies of {@code unit}, written a megabyte at a time. */
  static Body repeated(String unit, long times) {
    return out -> {
      byte[] one = unit.getBytes(StandardCharsets.UTF_8);
      int perChunk = Math.max(1, (1 << 20) / one.length);
      byte[] chunk = new byte[perChunk * one.length];
      for (int i = 0; i < perChunk; i++) {
        System.arraycopy(one, 0, chunk, i * one.length, one.length);
      }
      long left = times;
      while (left > 0) {
        int n = (int) Math.min(left, perChunk);
        out.write(chunk, 0, n * one.length);
        left -= n;
      }
    };
  }

  /**
   * Empty paragraphs, one in {@code every} with a random 8-digit id as Word writes them: random
   * enough that the zip cannot compress them past POI's zip-bomb ratio (1:100), so the parser must
   * wade through all of them.
   */
  static Body emptyParagraphs(long count, int every, long seed) {
    return out -> {
      Random random = new Random(seed);
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (long i = 0; i < count; i++) {
        chunk.append(i % every == 0 ? String.format(Locale.ROOT, "<w:p w:rsidR=\"%08X\"/>", random.nextInt()) : "<w:p/>");
        if (chunk.length() > (1 << 20) - 64) {
          write(out, chunk.toString());
          chunk.setLength(0);
        }
      }
      write(out, chunk.toString());
    };
  }

  /** Tables nested {@code depth} deep (Word allows a table in a cell), a word at the bottom. */
  static Body nestedTables(int depth) {
    return out -> {
      repeated("<w:tbl><w:tr><w:tc>", depth).write(out);
      write(out, "<w:p><w:r><w:t>bottom</w:t></w:r></w:p>");
      repeated("</w:tc></w:tr></w:tbl>", depth).write(out);
    };
  }

  /** An HTML page of {@code depth} nested {@code <div>}s with a word at the bottom. */
  static Path nestedHtml(Path dir, int depth) throws IOException {
    Path file = dir.resolve("nested.html");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, "<!DOCTYPE html><html><head><title>Nested</title></head><body>");
      repeated("<div>", depth).write(out);
      write(out, "bottom");
      repeated("</div>", depth).write(out);
      write(out, "</body></html>");
    }
    return file;
  }

  /** An RTF file of {@code depth} nested groups. */
  static Path nestedRtf(Path dir, int depth) throws IOException {
    Path file = dir.resolve("nested.rtf");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, "{\\rtf1\\ansi ");
      repeated("{", depth).write(out);
      write(out, "bottom");
      repeated("}", depth).write(out);
      write(out, "}");
    }
    return file;
  }

  /**
   * A PDF of {@code pages} pages that all show the same one content stream; its page tree claims
   * {@code claimed} pages (a liar's count when it differs).
   */
  static Path manyPages(Path dir, String name, int pages, int claimed, String content) throws IOException {
    Path file = dir.resolve(name + ".pdf");
    try (PdfWriter pdf = new PdfWriter(file)) {
      int first = 5;
      pdf.object(1, "<</Type/Catalog/Pages 2 0 R>>");
      StringBuilder kids = new StringBuilder();
      for (int i = 0; i < pages; i++) {
        kids.append(first + i).append(" 0 R ");
      }
      pdf.object(2, "<</Type/Pages/Count " + claimed + "/Kids[" + kids + "]>>");
      pdf.object(3, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>");
      pdf.stream(4, content.getBytes(StandardCharsets.US_ASCII), false);
      for (int i = 0; i < pages; i++) {
        pdf.object(first + i, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 3 0 R>>>>"
            + "/Contents 4 0 R>>");
      }
    }
    return file;
  }

  /** A one-page PDF whose content stream inflates to {@code bytes} bytes of drawing operators. */
  static Path hugeContentStream(Path dir, long bytes) throws IOException {
    Path file = dir.resolve("stream.pdf");
    try (PdfWriter pdf = new PdfWriter(file)) {
      pdf.object(1, "<</Type/Catalog/Pages 2 0 R>>");
      pdf.object(2, "<</Type/Pages/Count 1/Kids[3 0 R]>>");
      pdf.object(3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>");
      pdf.deflatedStream(4, repeated("0 0 m 1 1 l S\n", bytes / 14));
    }
    return file;
  }

  /** A PDF written object by object, with the cross-reference table it needs. */
  private static final class PdfWriter implements AutoCloseable {
    private final CountingStream out;
    private final List<Long> offsets = new ArrayList<>();

    PdfWriter(Path file) throws IOException {
      out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      write(out, "%PDF-1.7\n");
      out.write(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    }

    void object(int number, String body) throws IOException {
      begin(number);
      write(out, body + "\nendobj\n");
    }

    void stream(int number, byte[] data, boolean deflated) throws IOException {
      begin(number);
      write(out, "<</Length " + data.length + (deflated ? "/Filter/FlateDecode" : "") + ">>\nstream\n");
      out.write(data);
      write(out, "\nendstream\nendobj\n");
    }

    /** A stream deflated as it is written; its length, known only at the end, is an indirect object. */
    void deflatedStream(int number, Body data) throws IOException {
      begin(number);
      write(out, "<</Length " + (number + 1) + " 0 R/Filter/FlateDecode>>\nstream\n");
      long start = out.count;
      DeflaterOutputStream deflater = new DeflaterOutputStream(new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() {
          // the PDF goes on after the stream
        }
      }, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16);
      data.write(deflater);
      deflater.finish();
      long length = out.count - start;
      write(out, "\nendstream\nendobj\n");
      object(number + 1, Long.toString(length));
    }

    private void begin(int number) throws IOException {
      while (offsets.size() < number) {
        offsets.add(-1L);
      }
      offsets.set(number - 1, out.count);
      write(out, number + " 0 obj\n");
    }

    @Override
    public void close() throws IOException {
      long xref = out.count;
      StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
      for (long offset : offsets) {
        table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
      }
      table.append("trailer\n<</Size ").append(offsets.size() + 1).append("/Root 1 0 R>>\nstartxref\n")
          .append(xref).append("\n%%EOF\n");
      write(out, table.toString());
      out.close();
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
