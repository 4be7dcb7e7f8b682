package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnetLoaderTest {
  @TempDir
  Path tmp;

  @Test
  void loadsOccupationsTextsAndJobZonesFromTheFixture() {
    Taxonomy t = Fixtures.taxonomy();

    assertThat(t.name()).isEqualTo("O*NET-SOC");
    assertThat(t.version()).isEqualTo("99.1");
    assertThat(t.occupations()).containsOnlyKeys("15-1252.00", "29-1141.00", "43-4041.00", "43-4051.00", "47-2111.00");
    assertThat(t.occupation("29-1141.00").orElseThrow().jobZone()).isEqualTo(3);
    assertThat(t.occupation("43-4041.00").orElseThrow().jobZoneIfKnown()).isEmpty();
    // 5 titles, 5 descriptions, 11 alternates (one repeated row dropped), 1 reported title (the
    // other repeats an alternate title of the same occupation), 5 tasks.
    assertThat(t.countsByKind()).containsEntry(TextKind.TITLE, 5).containsEntry(TextKind.DESCRIPTION, 5)
        .containsEntry(TextKind.ALTERNATE_TITLE, 11).containsEntry(TextKind.REPORTED_TITLE, 1)
        .containsEntry(TextKind.TASK, 5);
    assertThat(t.texts()).contains(new OccupationText("29-1141.00", TextKind.REPORTED_TITLE, "Charge Nurse"));
  }

  @Test
  void textsComeInCodeThenKindOrder() {
    List<OccupationText> texts = Fixtures.taxonomy().texts();
    assertThat(texts.get(0)).isEqualTo(new OccupationText("15-1252.00", TextKind.TITLE, "Software Developers"));
    assertThat(texts).isSortedAccordingTo(java.util.Comparator.comparing(OccupationText::code)
        .thenComparing(OccupationText::kind));
  }

  @Test
  void missingRequiredFileIsNamed() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.delete(dir.resolve("Task Statements.txt"));
    assertThatThrownBy(() -> OnetLoader.load(dir, Optional.empty()))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("missing required file 'Task Statements.txt'");
  }

  @Test
  void optionalFilesMayBeAbsent() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.delete(dir.resolve("Job Zones.txt"));
    Files.delete(dir.resolve("Sample of Reported Titles.txt"));
    Taxonomy t = OnetLoader.load(dir, Optional.empty());
    assertThat(t.countsByKind()).doesNotContainKey(TextKind.REPORTED_TITLE);
    assertThat(t.occupation("29-1141.00").orElseThrow().jobZone()).isZero();
  }

  @Test
  void relatedOccupationsComeInTheFilesOrderWithoutUnknownCodesOrItself() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.writeString(dir.resolve(OnetLoader.RELATED_OCCUPATIONS), """
        O*NET-SOC Code	Related O*NET-SOC Code	Relatedness Tier	Index
        29-1141.00	15-1252.00	Primary-Short	1
        29-1141.00	99-9999.00	Primary-Short	2
        29-1141.00	29-1141.00	Primary-Short	3
        29-1141.00	47-2111.00	Primary-Long	4
        """);
    Taxonomy t = OnetLoader.load(dir, Optional.empty());
    assertThat(t.occupation("29-1141.00").orElseThrow().related()).containsExactly("15-1252.00", "47-2111.00");
    assertThat(t.occupation("47-2111.00").orElseThrow().related()).isEmpty();
    Files.delete(dir.resolve(OnetLoader.RELATED_OCCUPATIONS));
    assertThat(OnetLoader.load(dir, Optional.empty()).occupation("29-1141.00").orElseThrow().related())
        .as("no file, no related").isEmpty();
  }

  @Test
  void badHeaderNamesFileLineAndMissingColumn() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    rewrite(dir.resolve("Alternate Titles.txt"), "O*NET-SOC Code\tAlt Title\tShort Title\tSource(s)");
    assertThatThrownBy(() -> OnetLoader.load(dir, Optional.empty()))
        .hasMessageContaining("Alternate Titles.txt line 1: bad header")
        .hasMessageContaining("[Alternate Title]");
  }

  @Test
  void malformedCodeNamesFileAndLine() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.writeString(dir.resolve("Task Statements.txt"),
        "1-11\t9\tDo things.\tCore\t1\t08/2023\tIncumbent\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> OnetLoader.load(dir, Optional.empty()))
        .hasMessageContaining("Task Statements.txt line 7: malformed O*NET-SOC code '1-11'");
  }

  @Test
  void raggedRowNamesFileAndLine() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.writeString(dir.resolve("Occupation Data.txt"), "11-1011.00\tChief Executives\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> OnetLoader.load(dir, Optional.empty()))
        .hasMessageContaining("Occupation Data.txt line 7: expected 3 tab-separated fields like the header, found 2");
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Path dir = copyFixture("db_99_1_text");
    Files.write(dir.resolve("Alternate Titles.txt"), new byte[] {(byte) 0xC3, 0x28, '\t', 'x', '\n'},
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> OnetLoader.load(dir, Optional.empty()))
        .hasMessageContaining("Alternate Titles.txt").hasMessageContaining("is not UTF-8");
  }

  @Test
  void aFolderThatIsNotThereIsSaidSo() {
    assertThatThrownBy(() -> OnetLoader.load(tmp.resolve("nope"), Optional.empty()))
        .hasMessageContaining("O*NET folder not found");
  }

  @Test
  void versionComesFromReadMeThenFolderNameThenFlag() throws IOException {
    Path named = copyFixture("db_29_3_text");
    assertThat(OnetVersion.resolve(named, Optional.empty())).isEqualTo("29.3");

    Path plain = copyFixture("onet");
    assertThat(OnetVersion.resolve(plain, Optional.of("28.1"))).isEqualTo("28.1");
    assertThatThrownBy(() -> OnetVersion.resolve(plain, Optional.empty())).hasMessageContaining("--onet-version");

    Files.writeString(plain.resolve("Read Me.txt"), "This is the O*NET 27.2 Database, released ...");
    assertThat(OnetVersion.resolve(plain, Optional.empty())).isEqualTo("27.2");
    assertThatThrownBy(() -> OnetVersion.resolve(plain, Optional.of("30.0")))
        .hasMessageContaining("holds O*NET 27.2 but --onet-version says 30.0");
    assertThatThrownBy(() -> OnetVersion.resolve(plain, Optional.of("thirty"))).hasMessageContaining("look like 30.0");
  }

  private Path copyFixture(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> files = Files.list(Fixtures.onetDir())) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static void rewrite(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file);
    lines.set(0, header);
    Files.write(file, lines);
  }
}
