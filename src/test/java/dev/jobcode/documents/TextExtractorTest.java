package dev.jobcode.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.documents.ExtractionException.Reason;
import dev.jobcode.testing.CvDocuments;
import dev.jobcode.testing.CvDocuments.Format;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of CV file read to its text, and each kind of unreadable file refused with its reason. */
class TextExtractorTest {
  private static final String HEADING = "José Müller – São Paulo • Python";
  private static final String LONG_LINE = "Summary: data engineer who builds batch and streaming pipelines, "
      + "cleans messy exports from recruiting systems, and explains the results to people who never asked "
      + "for a dashboard but use it every morning before the stand-up meeting.";
  private static final String CV = HEADING + "\n"
      + "Senior Data Engineer\n"
      + LONG_LINE + "\n"
      + "Skills:\n"
      + "- Python\n"
      + "- Apache Spark\n"
      + "- Kafka\n"
      + "Experience:\n"
      + "- Data Engineer at Acme Analytics (4 years): pipelines, Ærø office\n"
      + "- Analyst at Łódź Logistics (2 years): reports\n";

  private static TextExtractor extractor;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    extractor = new TextExtractor(ExtractionLimits.DEFAULT);
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatGivesBackTheCvsWordsInOrderWithReadableBullets(Format format) {
    ExtractedText extracted = extractor.extract(CvDocuments.write(tmp, "cv", CV, format));

    String bullet = format == Format.MARKDOWN || format == Format.TEXT ? "- " : "• ";
    assertThat(extracted.mediaType()).isEqualTo(mediaType(format));
    assertThat(extracted.text().lines()).containsSubsequence(
        format == Format.MARKDOWN ? "# " + HEADING : HEADING,
        "Senior Data Engineer",
        bullet + "Python", bullet + "Apache Spark", bullet + "Kafka",
        "Experience:",
        bullet + "Data Engineer at Acme Analytics (4 years): pipelines, Ærø office",
        bullet + "Analyst at Łódź Logistics (2 years): reports");
    assertThat(oneLine(extracted.text())).contains(LONG_LINE);
    assertThat(extracted.text()).doesNotContain("\r").doesNotContain("\n\n\n").doesNotContain(" \n");
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"PDF", "DOCX", "ODT", "RTF", "HTML"})
  void documentsWithMetadataGiveTheirTitle(Format format) {
    assertThat(extractor.extract(CvDocuments.write(tmp, "cv", CV, format)).title()).isEqualTo(HEADING);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"MARKDOWN", "TEXT"})
  void textFilesHaveNoTitle(Format format) {
    assertThat(extractor.extract(CvDocuments.write(tmp, "cv", CV, format)).title()).isNull();
  }

  @Test
  void aPdfOfSeveralPagesIsReadToItsLastLine() throws IOException {
    StringBuilder cv = new StringBuilder(CV);
    for (int i = 1; i <= 120; i++) {
      cv.append("- Role ").append(i).append(" at Company ").append(i).append("\n");
    }
    Path pdf = CvDocuments.write(tmp, "long", cv.toString(), Format.PDF);
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
    }

    String text = extractor.extract(pdf).text();

    assertThat(text.lines()).containsSubsequence(HEADING, "• Role 1 at Company 1", "• Role 60 at Company 60",
        "• Role 120 at Company 120");
  }

  @Test
  void anUploadIsReadFromItsBytesWithItsNameAsAHint() throws IOException {
    byte[] docx = Files.readAllBytes(CvDocuments.write(tmp, "cv", CV, Format.DOCX));
    byte[] markdown = Files.readAllBytes(CvDocuments.write(tmp, "cv", CV, Format.MARKDOWN));

    assertThat(extractor.extract(docx, "upload.docx").text()).startsWith(HEADING);
    assertThat(extractor.extract(docx, "no-name").mediaType()).isEqualTo(mediaType(Format.DOCX));
    assertThat(extractor.extract(markdown, "cv.md").mediaType()).isEqualTo("text/markdown");
    assertThat(extractor.extract(markdown, "cv.txt").mediaType()).isEqualTo("text/plain");
  }

  @Test
  void theContentDecidesTheTypeNotTheName() throws IOException {
    Path pdf = CvDocuments.write(tmp, "cv", CV, Format.PDF);
    Path txt = Files.copy(pdf, tmp.resolve("really-a-pdf.txt"));
    Path rtf = Files.copy(CvDocuments.write(tmp, "cv", CV, Format.RTF), tmp.resolve("really-rtf.doc"));

    assertThat(extractor.extract(txt).mediaType()).isEqualTo("application/pdf");
    assertThat(extractor.extract(txt).text()).startsWith(HEADING);
    assertThat(extractor.extract(rtf).mediaType()).isEqualTo("application/rtf");
  }

  @Test
  void textFilesAreReadAsUtf8WithOrWithoutAMarkAndAsUtf16WithOne() throws IOException {
    String text = "Zoë Ødegaard\r\nPflegefachkraft für Intensivpflege\r\n";
    Path utf8 = Files.writeString(tmp.resolve("utf8.txt"), text);
    Path bom = Files.write(tmp.resolve("bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        text.getBytes(StandardCharsets.UTF_8)));
    Path utf16 = Files.write(tmp.resolve("utf16.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        text.getBytes(StandardCharsets.UTF_16LE)));

    for (Path file : new Path[] {utf8, bom, utf16}) {
      assertThat(extractor.extract(file).text()).as(file.getFileName().toString())
          .isEqualTo("Zoë Ødegaard\nPflegefachkraft für Intensivpflege");
    }
  }

  @Test
  void theTextIsCleanedAndItsMojibakeRepaired() throws IOException {
    String garbled = "JosÃ© MÃ¼ller\r\n\r\n\r\n\r\nâ€¢ Python   \r\ne\u0301cole\r\n";
    Path file = Files.writeString(tmp.resolve("garbled.txt"), garbled);

    assertThat(extractor.extract(file).text()).isEqualTo("José Müller\n\n• Python\nécole");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path empty = Files.createFile(tmp.resolve("cv.pdf"));

    assertRefused(() -> extractor.extract(empty), Reason.EMPTY, "cv.pdf is empty");
    assertRefused(() -> extractor.extract(new byte[0], "cv.docx"), Reason.EMPTY, "cv.docx is empty");
  }

  @Test
  void a200MbFileIsRefusedByItsSizeWithoutBeingRead() throws IOException {
    Path huge = tmp.resolve("huge.pdf");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(200L << 20);
    }

    long start = System.nanoTime();
    assertRefused(() -> extractor.extract(huge), Reason.TOO_LARGE, "huge.pdf is 200 MB; files of up to 10 MB are read");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void anUploadOverTheSizeLimitIsRefused() {
    try (TextExtractor small = new TextExtractor(new ExtractionLimits(1024, 1000, Duration.ofSeconds(5)))) {
      assertRefused(() -> small.extract(new byte[2048], "cv.pdf"), Reason.TOO_LARGE, "2.0 KB; files of up to 1.0 KB");
    }
  }

  @Test
  void imagesArchivesProgramsAndSpreadsheetsAreRefusedNamingWhatIsRead() throws IOException {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Path png = tmp.resolve("photo.png");
    ImageIO.write(image, "png", png.toFile());
    Path zip = tmp.resolve("cv.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("cv.txt"));
      out.write(CV.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    byte[] exe = new byte[4096];
    System.arraycopy("MZ".getBytes(StandardCharsets.US_ASCII), 0, exe, 0, 2);
    exe[0x3C] = (byte) 0x80;
    System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
    Path program = Files.write(tmp.resolve("cv.exe"), exe);
    Path xlsx = tmp.resolve("cv.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      workbook.createSheet("CV").createRow(0).createCell(0).setCellValue("Python");
      workbook.write(out);
    }

    for (Path file : new Path[] {png, zip, program, xlsx}) {
      assertRefused(() -> extractor.extract(file), Reason.UNSUPPORTED_TYPE,
          file.getFileName() + " is a file of type", "which jobcode does not read; it reads PDF, Word (.docx, .doc)");
    }
    assertRefused(() -> extractor.extract(exe, "cv.pdf"), Reason.UNSUPPORTED_TYPE, "cv.pdf is a file of type");
    assertRefused(() -> extractor.extract(new byte[4096], "cv.pdf"), Reason.CORRUPT, "cv.pdf cannot be read as a PDF");
    byte[] pngBytes = Files.readAllBytes(png);
    assertRefused(() -> extractor.extract(pngBytes, "cv.txt"), Reason.UNSUPPORTED_TYPE, "image/png");
  }

  @Test
  void aTruncatedOrDamagedPdfIsCorrupt() throws IOException {
    byte[] pdf = Files.readAllBytes(CvDocuments.write(tmp, "cv", CV, Format.PDF));
    byte[] head = Arrays.copyOf(pdf, 600);
    byte[] garbage = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new byte[5000]);

    assertRefused(() -> extractor.extract(head, "truncated.pdf"), Reason.CORRUPT, "truncated.pdf cannot be read as a PDF");
    assertRefused(() -> extractor.extract(garbage, "garbage.pdf"), Reason.CORRUPT, "garbage.pdf cannot be read as a PDF");
  }

  @Test
  void aTruncatedOrDamagedWordFileIsCorrupt() throws IOException {
    byte[] docx = Files.readAllBytes(CvDocuments.write(tmp, "cv", CV, Format.DOCX));
    byte[] head = Arrays.copyOf(docx, docx.length / 2);
    Path badXml = tmp.resolve("bad-xml.docx");
    rewriteEntry(CvDocuments.write(tmp, "cv", CV, Format.DOCX), badXml, "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");
    ByteArrayOutputStream ole = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[8192]), "WordDocument");
      fs.writeFilesystem(ole);
    }
    Path doc = Files.write(tmp.resolve("cv.doc"), Arrays.copyOf(ole.toByteArray(), 1024));

    assertRefused(() -> extractor.extract(head, "truncated.docx"), Reason.CORRUPT,
        "truncated.docx cannot be read as a Word document");
    assertRefused(() -> extractor.extract(badXml), Reason.CORRUPT, "bad-xml.docx cannot be read as a Word document");
    assertRefused(() -> extractor.extract(doc), Reason.CORRUPT, "cv.doc cannot be read as a Word 97-2003 document");
  }

  @Test
  void aPasswordProtectedPdfOrWordFileIsRefusedAsEncrypted() throws Exception {
    Path pdf = CvDocuments.write(tmp, "cv", CV, Format.PDF);
    Path lockedPdf = tmp.resolve("locked.pdf");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(256);
      document.protect(policy);
      document.save(lockedPdf.toFile());
    }
    Path lockedDocx = tmp.resolve("locked.docx");
    EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
    Encryptor encryptor = info.getEncryptor();
    encryptor.confirmPassword("user-secret");
    try (POIFSFileSystem ole = new POIFSFileSystem()) {
      try (InputStream in = Files.newInputStream(CvDocuments.write(tmp, "cv", CV, Format.DOCX));
           OPCPackage docx = OPCPackage.open(in);
           OutputStream out = encryptor.getDataStream(ole)) {
        docx.save(out);
      }
      try (OutputStream out = Files.newOutputStream(lockedDocx)) {
        ole.writeFilesystem(out);
      }
    }

    for (Path file : new Path[] {lockedPdf, lockedDocx}) {
      assertRefused(() -> extractor.extract(file), Reason.ENCRYPTED,
          file.getFileName() + " is password-protected: jobcode cannot read encrypted files; save an unprotected copy");
    }
  }

  @Test
  void aScannedPdfWithOnlyAnImageHasNoText() throws IOException {
    BufferedImage scan = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scan.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 600, 800);
    g.setColor(Color.BLACK);
    g.drawString(HEADING, 40, 60);
    g.dispose();
    Path pdf = tmp.resolve("scan.pdf");
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDImageXObject picture = LosslessFactory.createFromImage(document, scan);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
      document.save(pdf.toFile());
    }

    assertRefused(() -> extractor.extract(pdf), Reason.NO_TEXT, "scan.pdf holds no text", "jobcode does no OCR");
  }

  @Test
  void aWordFileWithNoTextHasNoText() throws IOException {
    Path blank = CvDocuments.write(tmp, "blank", " \n\n ", Format.DOCX);

    assertRefused(() -> extractor.extract(blank), Reason.NO_TEXT, "blank.docx is a Word document with no text in it");
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"PDF", "DOCX", "HTML", "TEXT"})
  void textOverTheLimitIsRefusedNotCut(Format format) {
    String longCv = CV + "- Python and more Python\n".repeat(100);
    Path file = CvDocuments.write(tmp, "long", longCv, format);
    try (TextExtractor small = new TextExtractor(new ExtractionLimits(10L << 20, 1000, Duration.ofSeconds(30)))) {
      assertRefused(() -> small.extract(file), Reason.TEXT_TOO_LONG,
          "long." + format.extension() + " holds more than 1,000 characters of text");
      assertThat(small.extract(CvDocuments.write(tmp, "short", CV, format)).text()).contains("Kafka");
    }
  }

  @Test
  void aLatin1TextFileIsRefusedSayingWhatToDo() throws IOException {
    Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Name: Zoë\nPflegefachkraft für Intensivpflege\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    assertRefused(() -> extractor.extract(latin1), Reason.BAD_ENCODING,
        "latin1.txt is not UTF-8 (byte 0xEB on line 1): it is probably Latin-1 or Windows-1252; save it as UTF-8");
  }

  @Test
  void utf16WithoutAMarkIsRefused() {
    byte[] utf16 = "Zoë Ødegaard, nurse\n".getBytes(StandardCharsets.UTF_16LE);

    assertRefused(() -> extractor.extract(utf16, "cv.txt"), Reason.BAD_ENCODING, "UTF-16 without a byte-order mark");
  }

  @Test
  void aFileThatTakesLongerThanTheTimeoutIsAbandoned() {
    Path pdf = CvDocuments.write(tmp, "cv", CV, Format.PDF);
    try (TextExtractor hasty = new TextExtractor(new ExtractionLimits(10L << 20, 100_000, Duration.ofNanos(1)))) {
      assertRefused(() -> hasty.extract(pdf), Reason.TIMEOUT, "cv.pdf took longer than", "so jobcode gave up on it");
    }
  }

  @Test
  void aMissingFileIsAnIoErrorNotARefusal() {
    assertThatThrownBy(() -> extractor.extract(tmp.resolve("missing.pdf")))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("file not found");
  }

  @Test
  void anUploadsNameIsShownWithoutItsPathOrControlCharacters() {
    assertThat(TextExtractor.displayName("C:\\Users\\x\\cv\u0007.pdf")).isEqualTo("cv.pdf");
    assertThat(TextExtractor.displayName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(TextExtractor.displayName(null)).isEqualTo("the file");
    assertThat(TextExtractor.displayName("x".repeat(300))).hasSize(100);
  }

  @Test
  void limitsMustBePositive() {
    Duration second = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new ExtractionLimits(0, 10, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtractionLimits(10, 0, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtractionLimits(10, 10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtractionLimits(10, 10, null)).isInstanceOf(NullPointerException.class);
    assertThat(ExtractionLimits.DEFAULT).isEqualTo(new ExtractionLimits(10L << 20, 100_000, Duration.ofSeconds(30)));
  }

  @Test
  void aClosedExtractorSaysSo() {
    TextExtractor closed = new TextExtractor(ExtractionLimits.DEFAULT);
    closed.close();

    assertThatThrownBy(() -> closed.extract("text".getBytes(StandardCharsets.UTF_8), "cv.txt"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  static void assertRefused(Runnable extraction, Reason reason, String... message) {
    assertThatThrownBy(extraction::run)
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .message().contains(message);
  }

  private static String mediaType(Format format) {
    return switch (format) {
      case PDF -> "application/pdf";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case ODT -> "application/vnd.oasis.opendocument.text";
      case RTF -> "application/rtf";
      case HTML -> "text/html";
      case MARKDOWN -> "text/markdown";
      case TEXT -> "text/plain";
    };
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Copies a zip, with one entry's content replaced. */
  private static void rewriteEntry(Path from, Path to, String entry, String content) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
