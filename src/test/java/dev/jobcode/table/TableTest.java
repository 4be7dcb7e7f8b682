package dev.jobcode.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files as people export them, each read to the rows it holds or refused with one clear line. */
class TableTest {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

  @TempDir
  Path tmp;

  /** A file's name and bytes, and the header and rows it must read to. */
  static Stream<Arguments> files() {
    List<String> titleNote = List.of("title", "note");
    return Stream.of(
        Arguments.of("quotes in a TSV are text, in any place, balanced or not", "q.tsv",
            utf8("title\tnote\n\"Graphic & Web Designer\" Executive\tquote at the start\nSenior \"Lead\" Nurse\tquote in the middle\n"
                + "12\" Saw Operator\tunbalanced quote\n"),
            titleNote, List.of(List.of("\"Graphic & Web Designer\" Executive", "quote at the start"),
                List.of("Senior \"Lead\" Nurse", "quote in the middle"), List.of("12\" Saw Operator", "unbalanced quote"))),
        Arguments.of("a quoted CSV field holds commas, doubled quotes and line ends", "q.csv",
            utf8("title,note\n\"Nurse, ICU\",\"says \"\"hi\"\"\"\n\"two\nlines\",x\n"),
            titleNote, List.of(List.of("Nurse, ICU", "says \"hi\""), List.of("two\nlines", "x"))),
        Arguments.of("a quote inside an unquoted CSV field is a plain character", "q.csv",
            utf8("title,note\n12\" Saw Operator,x\nSenior \"Lead\" Nurse,y\n"),
            titleNote, List.of(List.of("12\" Saw Operator", "x"), List.of("Senior \"Lead\" Nurse", "y"))),
        Arguments.of("Excel's CSV UTF-8: a byte-order mark, CRLF line ends", "excel.csv",
            concat(UTF8_BOM, utf8("title,note\r\nIngénieur,é\r\nNurse,\r\n")),
            titleNote, List.of(List.of("Ingénieur", "é"), List.of("Nurse", ""))),
        Arguments.of("CRLF in a TSV, a last line without a line end", "crlf.tsv",
            utf8("title\tnote\r\nNurse\ta\r\nWelder\tb"),
            titleNote, List.of(List.of("Nurse", "a"), List.of("Welder", "b"))),
        Arguments.of("old Mac line ends (CR alone)", "cr.csv",
            utf8("title,note\rNurse,a\rWelder,b\r"),
            titleNote, List.of(List.of("Nurse", "a"), List.of("Welder", "b"))),
        Arguments.of("blank lines and empty rows at the end are passed over", "blank.csv",
            utf8("title,note\nNurse,a\n\n,\n  \n\r\n"),
            titleNote, List.of(List.of("Nurse", "a"))),
        Arguments.of("blank and tab-only lines at the end of a TSV", "blank.tsv",
            utf8("title\tnote\nNurse\ta\n\t\n\n"),
            titleNote, List.of(List.of("Nurse", "a"))),
        Arguments.of("Excel's Unicode Text: UTF-16LE with a mark, tab-separated, CRLF, under .txt", "unicode.txt",
            concat(UTF16LE_BOM, "title\tnote\r\nIngénieur\t\"quoted\"\r\n日本語\tx\r\n".getBytes(StandardCharsets.UTF_16LE)),
            titleNote, List.of(List.of("Ingénieur", "\"quoted\""), List.of("日本語", "x"))),
        Arguments.of("UTF-16BE with a mark", "be.tsv",
            concat(UTF16BE_BOM, "title\tnote\nNurse\tb\n".getBytes(StandardCharsets.UTF_16BE)),
            titleNote, List.of(List.of("Nurse", "b"))),
        Arguments.of("a tab-separated file named .csv is read as TSV", "tabs.csv",
            utf8("title\tnote\n\"Quoted\" Title\tx, y\n"),
            titleNote, List.of(List.of("\"Quoted\" Title", "x, y"))),
        Arguments.of("header names are trimmed, values are not", "space.csv",
            utf8(" title , note\n  Nurse ,a\n"),
            titleNote, List.of(List.of("  Nurse ", "a"))),
        Arguments.of("a header and no rows", "empty-rows.tsv", utf8("title\tnote\n"), titleNote, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsTheRowsTheFileHolds(String what, String name, byte[] bytes, List<String> header, List<List<String>> rows)
      throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    Table table = Table.read(file);
    assertThat(table.header()).isEqualTo(header);
    assertThat(table.rows()).extracting(Table.Row::values).isEqualTo(rows);
  }

  @Test
  void rowsKnowTheLineTheyStartOn() throws IOException {
    Path file = tmp.resolve("lines.csv");
    Files.writeString(file, "title,note\r\n\r\nA,\"two\r\nlines\"\r\nB,x\r\n");
    Table table = Table.read(file);
    assertThat(table.rows()).extracting(Table.Row::line).containsExactly(3L, 5L);
    assertThat(table.at(table.rows().get(1))).isEqualTo(file + " line 5");
  }

  /** A file's name and bytes, and what the refusal must say. */
  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("a CSV quote followed by more text names line and column", "bad.csv",
            utf8("title,note\n\"Graphic & Web Designer\" Executive,x\n"),
            List.of("bad.csv line 2, column 26: 'E' follows the quote that closes the field opened at line 2, column 1",
                "save the file as .tsv")),
        Arguments.of("a CSV quote never closed names where it opened", "open.csv",
            utf8("title,note\nNurse,a\nWelder,\"b\nCook,c\n"),
            List.of("open.csv line 3, column 8: the quote that opens this field is never closed")),
        Arguments.of("Latin-1 names the byte, the line and how to convert", "latin1.csv",
            concat(utf8("title\nNurse\nIng"), new byte[] {(byte) 0xE9}, utf8("nieur\n")),
            List.of("latin1.csv line 3: byte 0xE9 (byte 4 of the line) is not UTF-8", "Latin-1 or Windows-1252",
                "CSV UTF-8", "iconv -f WINDOWS-1252 -t UTF-8")),
        Arguments.of("UTF-16 without a mark is named", "nobom.txt",
            "title\tnote\nNurse\ta\n".getBytes(StandardCharsets.UTF_16LE),
            List.of("looks like UTF-16LE text without a byte-order mark", "iconv -f UTF-16LE -t UTF-8")),
        Arguments.of("a workbook under a CSV name", "book.csv",
            concat(new byte[] {0x50, 0x4B, 0x03, 0x04}, new byte[20]),
            List.of("book.csv is a ZIP archive, not text", ".xlsx")),
        Arguments.of("text under a workbook name", "text.xlsx", utf8("title\nNurse\n"),
            List.of("text.xlsx is not an Excel workbook", ".csv")),
        Arguments.of("a broken workbook", "broken.xlsx", concat(new byte[] {0x50, 0x4B, 0x03, 0x04}, new byte[20]),
            List.of("broken.xlsx is not a readable Excel workbook")),
        Arguments.of("a ragged row", "ragged.tsv", utf8("title\tnote\nNurse\n"),
            List.of("ragged.tsv line 2: expected 2 tab-separated fields like the header, found 1")),
        Arguments.of("a NUL byte", "nul.csv", utf8("title\nNur\0se\n"), List.of("nul.csv line 2: a NUL character")),
        Arguments.of("an empty file", "empty.csv", new byte[0], List.of("empty.csv is empty: expected a header row")),
        Arguments.of("only a byte-order mark", "bom.csv", UTF8_BOM, List.of("bom.csv is empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWithOneClearLine(String what, String name, byte[] bytes, List<String> messages) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    var thrown = assertThatThrownBy(() -> Table.read(file)).isInstanceOf(TableException.class);
    for (String message : messages) {
      thrown.hasMessageContaining(message);
    }
    thrown.hasMessageNotContaining("\n");
  }

  @Test
  void aMissingFileOrAFolderIsNamed() {
    assertThatThrownBy(() -> Table.read(tmp.resolve("none.csv"))).hasMessage("input file not found: " + tmp.resolve("none.csv"));
    assertThatThrownBy(() -> Table.read(tmp)).hasMessageContaining("is a folder, not a file");
  }

  @Test
  void aMissingColumnListsTheColumnsThereAre() throws IOException {
    Path file = tmp.resolve("cols.csv");
    Files.writeString(file, "job,note\nNurse,a\n");
    assertThatThrownBy(() -> Table.read(file).column("title")).hasMessageContaining("no column 'title'; columns are [job, note]");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
