package dev.jobcode.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * A CV's text written as the files recruiters get: PDF, Word (.docx), OpenDocument text, RTF, HTML,
 * Markdown or plain text, so tests can make real files from generated CVs.
 *
 * <p>The text is read line by line: the first line is the heading (and the document's title), a
 * line starting with "- ", "* " or "• " is an item of a bulleted list (a real list where the format
 * has one), a blank line ends a paragraph, any other line is a paragraph. Long lines wrap in a PDF,
 * and a PDF runs to as many pages as the text needs.
 */
public final class CvDocuments {
  /** The formats written, each with its file extension. */
  public enum Format {
    PDF("pdf"), DOCX("docx"), ODT("odt"), RTF("rtf"), HTML("html"), MARKDOWN("md"), TEXT("txt");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final float FONT_SIZE = 11;
  private static final float LEADING = 14;
  private static final float MARGIN = 56;

  private CvDocuments() {}

  /** Writes {@code text} as {@code dir/baseName.<extension>} in {@code format}; returns the file. */
  public static Path write(Path dir, String baseName, String text, Format format) {
    Path file = dir.resolve(baseName + "." + format.extension());
    List<Block> blocks = blocks(text);
    try {
      switch (format) {
        case PDF -> pdf(file, blocks);
        case DOCX -> docx(file, blocks);
        case ODT -> odt(file, blocks);
        case RTF -> Files.writeString(file, rtf(blocks), StandardCharsets.US_ASCII);
        case HTML -> Files.writeString(file, html(blocks), StandardCharsets.UTF_8);
        case MARKDOWN -> Files.writeString(file, markdown(blocks), StandardCharsets.UTF_8);
        case TEXT -> Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** A heading, a paragraph, or one item of a bulleted list. */
  private record Block(Kind kind, String text) {}

  private enum Kind { HEADING, PARAGRAPH, BULLET }

  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String line : text.strip().split("\r?\n")) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (blocks.isEmpty()) {
        blocks.add(new Block(Kind.HEADING, s));
      } else if (s.startsWith("- ") || s.startsWith("* ") || s.startsWith("• ")) {
        blocks.add(new Block(Kind.BULLET, s.substring(2).strip()));
      } else {
        blocks.add(new Block(Kind.PARAGRAPH, s));
      }
    }
    return blocks;
  }

  private static String title(List<Block> blocks) {
    return blocks.isEmpty() ? "" : blocks.get(0).text();
  }

  // PDF: PDFBox with Liberation Sans (in the PDFBox jar) embedded, so any Latin, Greek or Cyrillic text shows.
  private static void pdf(Path file, List<Block> blocks) throws IOException {
    try (PDDocument document = new PDDocument(); InputStream fontData = CvDocuments.class.getResourceAsStream(PDF_FONT)) {
      PDFont font = PDType0Font.load(document, fontData);
      document.getDocumentInformation().setTitle(title(blocks));
      PdfWriter writer = new PdfWriter(document, font);
      for (Block block : blocks) {
        switch (block.kind()) {
          case HEADING -> writer.paragraph(block.text(), 0);
          case BULLET -> writer.paragraph("• " + block.text(), 12);
          case PARAGRAPH -> writer.paragraph(block.text(), 0);
        }
      }
      writer.close();
      document.save(file.toFile());
    }
  }

  /** Lines on pages, a new page when one is full; a line wider than the page wraps at spaces. */
  private static final class PdfWriter {
    private final PDDocument document;
    private final PDFont font;
    private PDPageContentStream page;
    private float y;

    PdfWriter(PDDocument document, PDFont font) {
      this.document = document;
      this.font = font;
    }

    void paragraph(String text, float indent) throws IOException {
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
      for (String line : wrap(printable(text), width)) {
        if (page == null || y < MARGIN) {
          newPage();
        }
        page.beginText();
        page.newLineAtOffset(MARGIN + indent, y);
        page.showText(line);
        page.endText();
        y -= LEADING;
      }
      y -= LEADING / 2;
    }

    void close() throws IOException {
      if (page != null) {
        page.close();
      }
    }

    private void newPage() throws IOException {
      close();
      PDPage next = new PDPage(PDRectangle.A4);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      page.setFont(font, FONT_SIZE);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private List<String> wrap(String text, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * FONT_SIZE > width) {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        } else {
          line.setLength(0);
          line.append(candidate);
        }
      }
      lines.add(line.toString());
      return lines;
    }

    /** The text with each character the font lacks shown as '?'. */
    private String printable(String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints().forEach(cp -> {
        String s = Character.toString(cp);
        try {
          font.encode(s);
          out.append(s);
        } catch (IOException | IllegalArgumentException e) {
          out.append('?');
        }
      });
      return out.toString();
    }
  }

  // DOCX: POI's XWPF, with a real bulleted list (a numbering definition whose format is "bullet").
  private static void docx(Path file, List<Block> blocks) throws IOException {
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      document.getProperties().getCoreProperties().setTitle(title(blocks));
      BigInteger bullets = bulletList(document);
      for (Block block : blocks) {
        XWPFParagraph paragraph = document.createParagraph();
        switch (block.kind()) {
          case HEADING -> {
            paragraph.setStyle("Heading1");
            paragraph.createRun().setText(block.text());
          }
          case BULLET -> {
            paragraph.setNumID(bullets);
            paragraph.setNumILvl(BigInteger.ZERO);
            paragraph.createRun().setText(block.text());
          }
          case PARAGRAPH -> paragraph.createRun().setText(block.text());
        }
      }
      document.write(out);
    }
  }

  private static BigInteger bulletList(XWPFDocument document) {
    CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
    abstractNum.setAbstractNumId(BigInteger.ZERO);
    CTLvl level = abstractNum.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewNumFmt().setVal(STNumberFormat.BULLET);
    level.addNewLvlText().setVal("•");
    level.addNewStart().setVal(BigInteger.ONE);
    XWPFNumbering numbering = document.createNumbering();
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
    return numbering.addNum(abstractId);
  }

  // ODT: the zip written by hand: mimetype first and stored, the manifest, content.xml and meta.xml.
  private static void odt(Path file, List<Block> blocks) throws IOException {
    StringBuilder body = new StringBuilder();
    boolean inList = false;
    for (Block block : blocks) {
      if (block.kind() == Kind.BULLET && !inList) {
        body.append("<text:list>");
        inList = true;
      } else if (block.kind() != Kind.BULLET && inList) {
        body.append("</text:list>");
        inList = false;
      }
      switch (block.kind()) {
        case HEADING -> body.append("<text:h text:outline-level=\"1\">").append(xml(block.text())).append("</text:h>");
        case BULLET -> body.append("<text:list-item><text:p>").append(xml(block.text())).append("</text:p></text:list-item>");
        case PARAGRAPH -> body.append("<text:p>").append(xml(block.text())).append("</text:p>");
      }
    }
    if (inList) {
      body.append("</text:list>");
    }
    String content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">\
        <office:body><office:text>%s</office:text></office:body></office:document-content>
        """.formatted(body);
    String meta = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">\
        <office:meta><dc:title>%s</dc:title></office:meta></office:document-meta>
        """.formatted(xml(title(blocks)));
    String manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
         <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      entry(zip, "META-INF/manifest.xml", manifest);
      entry(zip, "meta.xml", meta);
      entry(zip, "content.xml", content);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  // RTF: ASCII only; every other character as \\uN? (UTF-16 units, signed), bullets as \\bullet.
  private static String rtf(List<Block> blocks) {
    StringBuilder out = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n");
    out.append("{\\info{\\title ").append(rtfText(title(blocks))).append("}}\n\\f0\\fs22\n");
    for (Block block : blocks) {
      switch (block.kind()) {
        case HEADING -> out.append("{\\b\\fs32 ").append(rtfText(block.text())).append("}\\par\n");
        case BULLET -> out.append("{\\li360 \\bullet\\tab ").append(rtfText(block.text())).append("\\par}\n");
        case PARAGRAPH -> out.append(rtfText(block.text())).append("\\par\n");
      }
    }
    return out.append("}\n").toString();
  }

  private static String rtfText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '{' || c == '}') {
        out.append('\\').append(c);
      } else if (c < 0x80) {
        out.append(c);
      } else {
        out.append("\\u").append((int) (short) c).append('?');
      }
    }
    return out.toString();
  }

  private static String html(List<Block> blocks) {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(xml(title(blocks))).append("</title></head>\n<body>\n");
    boolean inList = false;
    for (Block block : blocks) {
      if (block.kind() == Kind.BULLET && !inList) {
        out.append("<ul>\n");
        inList = true;
      } else if (block.kind() != Kind.BULLET && inList) {
        out.append("</ul>\n");
        inList = false;
      }
      switch (block.kind()) {
        case HEADING -> out.append("<h1>").append(xml(block.text())).append("</h1>\n");
        case BULLET -> out.append("<li>").append(xml(block.text())).append("</li>\n");
        case PARAGRAPH -> out.append("<p>").append(xml(block.text())).append("</p>\n");
      }
    }
    if (inList) {
      out.append("</ul>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private static String markdown(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    Kind previous = null;
    for (Block block : blocks) {
      if (previous != null && !(previous == Kind.BULLET && block.kind() == Kind.BULLET)) {
        out.append('\n');
      }
      switch (block.kind()) {
        case HEADING -> out.append("# ").append(block.text()).append('\n');
        case BULLET -> out.append("- ").append(block.text()).append('\n');
        case PARAGRAPH -> out.append(block.text()).append('\n');
      }
      previous = block.kind();
    }
    return out.toString();
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
