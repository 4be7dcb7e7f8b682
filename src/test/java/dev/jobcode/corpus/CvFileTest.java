package dev.jobcode.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.table.Layout;
import dev.jobcode.taxonomy.OccupationCodes;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.table.TableWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvFileTest {
  @TempDir
  Path tmp;

  @Test
  void readsJsonLinesWithOnlyIdAndText() throws IOException {
    Path file = tmp.resolve("cvs.jsonl");
    Files.writeString(file, """
        {"id": "a", "text": "Registered nurse, ten years in intensive care."}

        {"id": "b", "text": "Electrician", "onet_code": "47-2111.00", "level": "senior", "years": 9, "it": false}
        """);
    List<Cv> cvs = CvFile.read(file);
    assertThat(cvs).extracting(Cv::id).containsExactly("a", "b");
    assertThat(cvs.get(0).onetCode()).isNull();
    assertThat(cvs.get(1).majorGroup()).isEqualTo("47");   // filled in from the code
    assertThat(cvs.get(1).years()).isEqualTo(9);
  }

  @Test
  void readsCsvWithOptionalLabels() throws IOException {
    Path file = tmp.resolve("cvs.csv");
    Files.writeString(file, "id,text,onet_code,it\nx1,\"Java developer, Spring\",15-1252.00,Y\nx2,Cashier,,\n");
    List<Cv> cvs = CvFile.read(file);
    assertThat(cvs).hasSize(2);
    assertThat(cvs.get(0).it()).isTrue();
    assertThat(cvs.get(0).majorGroup()).isEqualTo("15");
    assertThat(cvs.get(1).onetCode()).isNull();
  }

  @Test
  void readsJsonLinesWithAByteOrderMarkAndWindowsLineEnds() throws IOException {
    Path file = tmp.resolve("excel.jsonl");
    Files.write(file, ("\uFEFF{\"id\": \"a\", \"text\": \"Nurse\"}\r\n\r\n{\"id\": \"b\", \"text\": \"Welder\"}")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(CvFile.read(file)).extracting(Cv::id).containsExactly("a", "b");
  }

  @Test
  void readsTsvWithQuotesAsTextAndWorkbooks() throws IOException {
    Path tsv = tmp.resolve("cvs.tsv");
    Files.writeString(tsv, "id\ttext\nq1\t\"Lead\" nurse, 12\" monitors\n");
    assertThat(CvFile.read(tsv).get(0).text()).isEqualTo("\"Lead\" nurse, 12\" monitors");
    Path xlsx = tmp.resolve("cvs.xlsx");
    try (TableWriter writer = TableWriter.create(xlsx, Layout.CSV.forOutput(xlsx), List.of("id", "text", "onet_code"), Set.of())) {
      writer.write(List.of("w1", "Welder, eight years of MIG welding", "51-4121.06"));
      writer.commit();
    }
    Cv cv = CvFile.read(xlsx).get(0);
    assertThat(cv.id()).isEqualTo("w1");
    assertThat(cv.majorGroup()).isEqualTo("51");
  }

  @Test
  void writesWhatItReads() throws IOException {
    Path file = tmp.resolve("out/cvs.jsonl");
    Cv cv = new Cv("id-1", "Ann Example", "Nurse", "29-1141.00", "Registered Nurses", "29", "senior", 8, false,
        "Nurse.", List.of("Epic"), List.of(new Cv.Role("Nurse", "29-1141.00", "Clinic", 8)), "Nurse\nCares.");
    CvFile.write(file, List.of(cv));
    assertThat(CvFile.read(file)).containsExactly(cv);
    assertThat(Files.list(file.getParent())).hasSize(1);   // no temporary file left behind
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"id\": \"a\"}|line 1: text is required",
      "{\"text\": \"x\"}|line 1: id is required",
      "{\"id\": \"a\", \"text\": \"  \"}|line 1: text is required",
      "{\"id\": \"a\", \"text\": \"x\", \"level\": \"boss\"}|line 1: unknown level 'boss'",
      "{\"id\": \"a\", \"text\": \"x\", \"onet_code\": \"29-114\"}|line 1: onet_code '29-114' is not an O*NET-SOC code",
      "{\"id\": \"a\", \"text\": \"x\", \"onet_code\": \"29-1141.00\", \"major_group\": \"15\"}|does not match",
      "{\"id\": \"a\", \"text\": \"x\", \"years\": -1}|years must be 0..70",
      "{\"id\": \"a\", \"text\": \"x\", \"colour\": \"red\"}|line 1: not a CV object",
      "{\"id\": \"a\", \"text\": \"x\"|line 1: not a CV object",
  })
  void badLinesNameTheFileAndLine(String line, String message) throws IOException {
    Path file = tmp.resolve("bad.jsonl");
    Files.writeString(file, line + "\n");
    assertThatThrownBy(() -> CvFile.read(file)).isInstanceOf(CorpusException.class)
        .hasMessageContaining("bad.jsonl").hasMessageContaining(message);
  }

  @Test
  void soc2010CodesAreReadAsTheirOccupationAndAnAmbiguousOneIsRefusedWithTheChoices() throws IOException {
    OccupationCodes codes = new OccupationCodes("O*NET-SOC 99.1", Fixtures.taxonomy().occupations().keySet(),
        Optional.of(Fixtures.crosswalk()));
    Path file = tmp.resolve("cvs.csv");
    Files.writeString(file, "id,text,onet_code,major_group\na,Developer,15-1132,15\nb,Nurse,29-1141.00,\n"
        + "c,Welder,51-4121.06,\n");
    List<Cv> cvs = CvFile.read(file, codes);
    assertThat(cvs).extracting(Cv::onetCode).containsExactly("15-1252.00", "29-1141.00", "51-4121.06");
    assertThat(cvs).extracting(Cv::majorGroup).containsExactly("15", "29", "51");
    Files.writeString(file, "id,text,onet_code\na,Developer,15-1132\nb,Clerk,43-4199\n");
    assertThatThrownBy(() -> CvFile.read(file, codes)).isInstanceOf(CorpusException.class)
        .hasMessageContaining("line 3").hasMessageContaining("name one of 43-4041.00, 43-4051.00");
    Files.writeString(file, "id,text,onet_code\na,Someone,29-9999\n");
    assertThatThrownBy(() -> CvFile.read(file, codes)).hasMessageContaining("29-9999 is not a SOC 2018 or SOC 2010 code");
  }

  @Test
  void duplicateIdsMissingColumnsBadEncodingAndEmptyFilesAreRefused() throws IOException {
    Path dup = tmp.resolve("dup.jsonl");
    Files.writeString(dup, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n");
    assertThatThrownBy(() -> CvFile.read(dup)).hasMessageContaining("line 2: id 'a' appears twice");
    Path noText = tmp.resolve("no-text.csv");
    Files.writeString(noText, "id,body\n1,x\n");
    assertThatThrownBy(() -> CvFile.read(noText)).isInstanceOf(CorpusException.class).hasMessageContaining("'text'");
    Path latin1 = tmp.resolve("latin1.jsonl");
    Files.write(latin1, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
    assertThatThrownBy(() -> CvFile.read(latin1)).hasMessageContaining("latin1.jsonl line 1: byte 0xE9 (byte 8 of the line) is not UTF-8");
    Path empty = tmp.resolve("empty.jsonl");
    Files.writeString(empty, "\n");
    assertThatThrownBy(() -> CvFile.read(empty)).hasMessageContaining("holds no CVs");
    assertThatThrownBy(() -> CvFile.read(tmp.resolve("missing.jsonl"))).hasMessageContaining("not found");
  }
}
