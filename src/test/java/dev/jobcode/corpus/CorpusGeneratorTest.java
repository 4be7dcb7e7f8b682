package dev.jobcode.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.taxonomy.ItOccupations;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  @TempDir
  Path tmp;

  private static CorpusGenerator generator() {
    return new CorpusGenerator(Fixtures.taxonomy(), OnetFacts.load(Fixtures.onetDir()));
  }

  @Test
  void theSameSeedWritesTheSameFileByteForByte() throws IOException {
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    CvFile.write(a, generator().generate(200, 42));
    CvFile.write(b, new CorpusGenerator(Fixtures.taxonomy(), OnetFacts.load(Fixtures.onetDir())).generate(200, 42));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    CvFile.write(b, generator().generate(200, 43));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
  }

  @Test
  void everyCvIsLabelledConsistently() {
    List<Cv> cvs = generator().generate(300, 1);
    assertThat(cvs).hasSize(300);
    assertThat(cvs.get(0).id()).isEqualTo("cv-00001");
    for (Cv cv : cvs) {
      assertThat(cv.majorGroup()).isEqualTo(OnetCodes.majorGroup(cv.onetCode()));
      assertThat(cv.it()).isEqualTo(ItOccupations.isIt(cv.onetCode()));
      assertThat(cv.text()).startsWith(cv.headline()).contains("Experience:");
      assertThat(cv.experience()).isNotEmpty();
      assertThat(cv.experience().stream().mapToInt(Cv.Role::years).sum()).isEqualTo(cv.years());
      int years = cv.years();
      switch (cv.level()) {
        case "intern" -> assertThat(years).isZero();
        case "junior" -> assertThat(years).isBetween(0, 2);
        case "senior" -> assertThat(years).isBetween(6, 14);
        default -> assertThat(years).isBetween(0, 32);
      }
    }
    // The fixture's only IT occupation (software developers) is weighted up: more than a fifth.
    assertThat(cvs.stream().filter(Cv::it).count()).isGreaterThan(60);
    assertThat(cvs.stream().map(Cv::onetCode).distinct().count()).isEqualTo(5L);
  }

  @Test
  void aCountBelowOneIsRefused() {
    assertThatThrownBy(() -> generator().generate(0, 1)).isInstanceOf(CorpusException.class).hasMessageContaining("count");
  }
}
