package dev.jobcode.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a writer writes, the reader reads back to the same values, in every layout. */
class TableWriterTest {
  private static final List<String> HEADER = List.of("title", "onet_code", "score");
  /** Values that break naive writers: quotes anywhere, commas, leading white space, codes Excel turns into dates. */
  private static final List<List<String>> ROWS = List.of(
      List.of("\"Graphic & Web Designer\" Executive", "27-1024.00", "0.4123"),
      List.of("12\" Saw Operator", "51-7041.00", "0.3000"),
      List.of("Nurse, ICU", "29-1141.03", "0.9999"),
      List.of("  Ingénieur =1+1 日本語", "11-1011", ""),
      List.of("Senior \"Lead\" Nurse", "", "not a number"));

  @TempDir
  Path tmp;

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of("out.csv", new Layout(TableFormat.CSV, TextEncoding.UTF_8, "\n")),
        Arguments.of("out.csv", new Layout(TableFormat.CSV, TextEncoding.UTF_8_BOM, "\r\n")),
        Arguments.of("out.tsv", new Layout(TableFormat.TSV, TextEncoding.UTF_8, "\n")),
        Arguments.of("out.txt", new Layout(TableFormat.TSV, TextEncoding.UTF_16LE_BOM, "\r\n")),
        Arguments.of("out.xlsx", new Layout(TableFormat.XLSX, TextEncoding.UTF_8, "\n")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("layouts")
  void readsBackWhatItWrote(String name, Layout layout) throws IOException {
    Path file = tmp.resolve(name);
    write(file, layout, ROWS);
    Table table = Table.read(file);
    assertThat(table.header()).isEqualTo(HEADER);
    assertThat(table.rows()).extracting(Table.Row::values).isEqualTo(ROWS);
    assertThat(table.layout()).isEqualTo(layout);
    assertThat(Files.list(tmp)).containsExactly(file);   // no temporary file left
  }

  @Test
  void aCsvQuotesOnlyWhereItMustAndKeepsLineEndsInAField() throws IOException {
    Path file = tmp.resolve("min.csv");
    write(file, Layout.CSV, List.of(List.of("plain", "a \"b\"", "x,y"), List.of("two\nlines", "", "z")));
    assertThat(Files.readString(file)).isEqualTo("title,onet_code,score\nplain,\"a \"\"b\"\"\",\"x,y\"\n\"two\nlines\",,z\n");
    assertThat(Table.read(file).rows().get(1).values()).containsExactly("two\nlines", "", "z");
  }

  @Test
  void aTsvWritesQuotesAsTheyAreAndTurnsTabsAndLineEndsIntoSpaces() throws IOException {
    Path file = tmp.resolve("plain.tsv");
    write(file, new Layout(TableFormat.TSV, TextEncoding.UTF_8, "\n"), List.of(List.of("a \"b\"", "tab\there", "two\r\nlines")));
    assertThat(Files.readString(file)).isEqualTo("title\tonet_code\tscore\na \"b\"\ttab here\ttwo  lines\n");
  }

  @Test
  void aWorkbookStoresCodesAsTextAndScoresAsNumbers() throws IOException {
    Path file = tmp.resolve("codes.xlsx");
    write(file, new Layout(TableFormat.XLSX, TextEncoding.UTF_8, "\n"), ROWS);
    try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("onet_code");
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("11-1011");
      assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.4123);
      assertThat(sheet.getRow(5).getCell(2).getCellType()).isEqualTo(CellType.STRING);   // not a number: kept as text
      assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.STRING);   // "=1+1" is no formula
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void aWorkbookRefusesACellExcelCannotHold() throws IOException {
    Path file = tmp.resolve("long.xlsx");
    String huge = "x".repeat(40_000);
    assertThatThrownBy(() -> write(file, new Layout(TableFormat.XLSX, TextEncoding.UTF_8, "\n"),
        List.of(List.of(huge, "", ""))))
        .isInstanceOf(TableException.class).hasMessageContaining("long.xlsx row 2: the title value has 40,000 characters");
    assertThat(Files.list(tmp)).isEmpty();
  }

  @Test
  void withoutACommitNothingIsLeft() throws IOException {
    Path file = tmp.resolve("gone.csv");
    try (TableWriter writer = TableWriter.create(file, Layout.CSV, HEADER, Set.of())) {
      writer.write(ROWS.get(0));
    }
    assertThat(Files.list(tmp)).isEmpty();
  }

  @Test
  void anOutputKeepsTheInputsLayoutUnlessItsNameAsksForAnother() {
    Layout excelCsv = new Layout(TableFormat.CSV, TextEncoding.UTF_8_BOM, "\r\n");
    assertThat(excelCsv.forOutput(Path.of("out.csv"))).isEqualTo(excelCsv);
    assertThat(excelCsv.forOutput(Path.of("out"))).isEqualTo(excelCsv);
    assertThat(excelCsv.forOutput(Path.of("out.tsv"))).isEqualTo(new Layout(TableFormat.TSV, TextEncoding.UTF_8_BOM, "\r\n"));
    assertThat(excelCsv.forOutput(Path.of("out.xlsx")).format()).isEqualTo(TableFormat.XLSX);
    Layout workbook = new Layout(TableFormat.XLSX, TextEncoding.UTF_8, "\n");
    assertThat(workbook.forOutput(Path.of("out.csv"))).isEqualTo(Layout.CSV);
    assertThat(workbook.forOutput(Path.of("out.data")).format()).isEqualTo(TableFormat.XLSX);
    assertThatThrownBy(() -> workbook.forOutput(Path.of("out.xls"))).hasMessageContaining("name the output .xlsx");
  }

  @Test
  void theOutputEncodingAndMarkAreTheInputs() throws IOException {
    Path file = tmp.resolve("unicode.txt");
    write(file, new Layout(TableFormat.TSV, TextEncoding.UTF_16LE_BOM, "\r\n"), List.of(List.of("é", "", "")));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0]).isEqualTo((byte) 0xFF);
    assertThat(bytes[1]).isEqualTo((byte) 0xFE);
    assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE)).isEqualTo("title\tonet_code\tscore\r\né\t\t\r\n");
  }

  private void write(Path file, Layout layout, List<List<String>> rows) throws IOException {
    try (TableWriter writer = TableWriter.create(file, layout, HEADER, Set.of("score"))) {
      for (List<String> row : rows) {
        writer.write(row);
      }
      writer.commit();
    }
  }
}
