package dev.jobcode.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobcode.documents.ExtractionException.Reason;
import dev.jobcode.testing.CvDocuments;
import dev.jobcode.testing.CvDocuments.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to exhaust a reader's memory or time. Each is refused with a clear reason, or read
 * within the limits, well within the timeout, in the test JVM's default heap; and the one worker
 * the extractor has is free at once for the next CV, so no abandoned parse keeps running.
 */
class HostileDocumentsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MARGIN = Duration.ofSeconds(2);
  private static final String CV = "Ada Lovelace\nAnalyst\n- Python\n- Kafka\n";

  private static TextExtractor extractor;
  private static Path tmp;

  @BeforeAll
  static void start(@TempDir Path dir) {
    tmp = dir;
    extractor = new TextExtractor(new ExtractionLimits(10L << 20, 100_000, TIMEOUT), 1);
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  @Test
  void aZipBombDocxIsRefusedAsTooLarge() throws IOException {
    // 500 MB of empty paragraphs, about 700 KB zipped: inflates 1:700, past POI's ratio of 1:100.
    Path bomb = HostileFiles.docx(tmp, "bomb", "", HostileFiles.repeated("<w:p/>", 500_000_000L / 6));
    assertThat(Files.size(bomb)).isLessThan(2L << 20);

    ExtractionException refused = refusedInTime(() -> extractor.extract(bomb));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("bomb.docx expands to far more than its")
        .hasMessageContaining("when unpacked (a \"zip bomb\")");
  }

  @Test
  void aDocxOfMillionsOfEmptyParagraphsWithinPoisRatioIsRefusedAsTooLarge() throws IOException {
    // 10 million paragraphs, one in 20 with a random id: compresses 1:20, which POI allows.
    Path paragraphs = HostileFiles.docx(tmp, "paragraphs", "", HostileFiles.emptyParagraphs(10_000_000, 20, 42));

    ExtractionException refused = refusedInTime(() -> extractor.extract(paragraphs));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("paragraphs.docx holds more than 1,000,000 paragraphs, cells and other parts");
  }

  @Test
  void anOdtZipBombIsRefusedAsTooLarge() throws IOException {
    Path bomb = HostileFiles.odt(tmp, "bomb", HostileFiles.repeated("<text:p/>", 500_000_000L / 9));

    ExtractionException refused = refusedInTime(() -> extractor.extract(bomb));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("bomb.odt expands to far more than its");
  }

  @Test
  void aDocxOfTablesNested20000DeepIsRefusedAsCorrupt() throws IOException {
    // 840 KB of XML: under the zip check's first megabyte, so it reaches the parser.
    Path nested = HostileFiles.docx(tmp, "nested", "", HostileFiles.nestedTables(20_000));

    ExtractionException refused = refusedInTime(() -> extractor.extract(nested));

    // The JDK's XML parser stops at 100 levels (jdk.xml.maxElementDepth, JDK 24 and later); on a
    // JDK without that limit, the Watchdog stops at 1,000.
    assertThat(refused.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(refused).hasMessageStartingWith("nested.docx");
  }

  @Test
  void aDocxWithAnEntityExpansionBombIsRefusedAsCorrupt() throws IOException {
    StringBuilder entities = new StringBuilder("<!ENTITY a \"aaaaaaaaaa\">");
    for (char c = 'b'; c <= 'j'; c++) {
      entities.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">");
    }
    Path laughs = HostileFiles.docx(tmp, "laughs", "<?xml version=\"1.0\"?><!DOCTYPE w:document [" + entities + "]>",
        out -> out.write("<w:p><w:r><w:t>&j;</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8)));

    ExtractionException refused = refusedInTime(() -> extractor.extract(laughs));

    assertThat(refused.reason()).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void htmlOf200000NestedDivsIsRefusedBeforeItIsParsed() throws IOException {
    Path nested = HostileFiles.nestedHtml(tmp, 200_000);

    ExtractionException refused = refusedInTime(() -> extractor.extract(nested));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("nested.html holds more than 200,000 HTML tags");
  }

  @Test
  void htmlNestedDeeplyButUnderTheTagLimitIsReadInTime() throws IOException {
    Path nested = HostileFiles.nestedHtml(tmp, 90_000);

    long start = System.nanoTime();
    ExtractedText text = extractor.extract(nested);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    assertThat(text.text()).isEqualTo("bottom");
    assertTheWorkerIsFree();
  }

  @Test
  void rtfOfAMillionNestedGroupsIsReadInTimeAndHasNoText() throws IOException {
    Path nested = HostileFiles.nestedRtf(tmp, 1_000_000);

    ExtractionException refused = refusedInTime(() -> extractor.extract(nested));

    assertThat(refused.reason()).isEqualTo(Reason.NO_TEXT);
  }

  @Test
  void aPdfOf60000PagesIsRefusedByItsPageCount() throws IOException {
    Path pages = HostileFiles.manyPages(tmp, "pages", 60_000, 60_000, "");
    assertThat(Files.size(pages)).isLessThan(10L << 20);

    ExtractionException refused = refusedInTime(() -> extractor.extract(pages));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("pages.pdf has 60,000 pages; PDFs of up to 1,000 pages are read");
  }

  @Test
  void aPdfWhosePageTreeUnderstatesItsPagesIsStoppedAtTheLimit() throws IOException {
    Path liar = HostileFiles.manyPages(tmp, "liar", 5_000, 1, "BT /F1 12 Tf 72 720 Td (page) Tj ET");

    ExtractionException refused = refusedInTime(() -> extractor.extract(liar));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("liar.pdf has 1,001 pages");
  }

  @Test
  void aPdfWhosePageInflatesTo200MbIsRefusedWithoutInflatingItInMemory() throws IOException {
    Path stream = HostileFiles.hugeContentStream(tmp, 200_000_000L);
    assertThat(Files.size(stream)).isLessThan(1L << 20);

    ExtractionException refused = refusedInTime(() -> extractor.extract(stream));

    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(refused).hasMessageContaining("stream.pdf has page content that inflates to more than 32 MB");
  }

  @Test
  void aPdfPageOf30MbOfDrawingIsReadInTime() throws IOException {
    Path drawing = HostileFiles.hugeContentStream(tmp, 30_000_000L);

    ExtractionException refused = refusedInTime(() -> extractor.extract(drawing));

    assertThat(refused.reason()).isEqualTo(Reason.NO_TEXT);
  }

  @Test
  void creatingAnExtractorLeavesPoisZipBombCheckOnForTheRestOfJobcode() {
    // Tika's OOXMLParser sets the ratio to -1 (off) for the whole JVM when its class loads.
    assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
    assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(1_000);
  }

  /** The refusal, which must come within the timeout and a margin, without an OutOfMemoryError. */
  private static ExtractionException refusedInTime(Supplier<ExtractedText> extraction) {
    long start = System.nanoTime();
    ExtractionException refused = catchThrowableOfType(ExtractionException.class, extraction::get);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(refused).as("refused").isNotNull();
    assertThat(elapsed).isLessThan(TIMEOUT.plus(MARGIN));
    assertThat(refused.getMessage()).doesNotContain("needs more memory");
    for (Throwable t = refused; t != null; t = t.getCause()) {
      assertThat(t).isNotInstanceOf(OutOfMemoryError.class);
    }
    assertTheWorkerIsFree();
    return refused;
  }

  /** The extractor's only worker reads a CV at once: the hostile parse before it has stopped. */
  private static void assertTheWorkerIsFree() {
    Path cv = CvDocuments.write(tmp, "cv", CV, Format.DOCX);
    long start = System.nanoTime();
    assertThat(extractor.extract(cv).text()).contains("• Kafka");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}
