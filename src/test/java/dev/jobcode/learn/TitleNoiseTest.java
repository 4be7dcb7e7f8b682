package dev.jobcode.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TitleNoiseTest {
  private static List<String> noisy(String title, long seed, int n) {
    TitleNoise noise = new TitleNoise(new Random(seed));
    return IntStream.range(0, n).mapToObj(i -> noise.apply(title)).toList();
  }

  @Test
  void aSeedGivesTheSameTitlesEveryTime() {
    assertThat(noisy("Registered Nurses", 7, 50)).isEqualTo(noisy("Registered Nurses", 7, 50));
    assertThat(noisy("Registered Nurses", 7, 50)).isNotEqualTo(noisy("Registered Nurses", 8, 50));
  }

  @Test
  void aboutAThirdStayAsTheyAreAndTheRestLookTypedIntoAJobBoard() {
    List<String> titles = noisy("Senior Software Engineer", 1, 3000);
    long unchanged = titles.stream().filter("Senior Software Engineer"::equals).count();
    assertThat(unchanged).isBetween(900L, 1300L);
    assertThat(titles).anyMatch(t -> t.contains("SW") || t.contains("S/W"));
    assertThat(titles).anyMatch(t -> t.contains("Eng") && !t.contains("Engineer"));
    assertThat(titles).anyMatch(t -> t.startsWith("Engineer, "));
    assertThat(titles).anyMatch(t -> t.matches(".*(REQ\\d+|#\\d+|R-\\d+|\\(JC\\d+\\))"));
    assertThat(titles).anyMatch(t -> t.equals(t.toUpperCase()));
    assertThat(titles).allMatch(t -> !t.isBlank());
  }

  @Test
  void phrasesBecomeTheirAbbreviationAndPluralsSingular() {
    List<String> titles = noisy("Registered Nurses", 3, 3000);
    assertThat(titles).anyMatch(t -> t.startsWith("RN"));
    assertThat(titles).contains("Registered Nurse");
  }

  @Test
  void shortAndOddTitlesStayUsable() {
    for (String title : List.of("A", "CEO", "Go", "   Chef  ", "Über-Fahrer")) {
      assertThat(noisy(title, 5, 200)).allMatch(t -> !t.isBlank());
    }
  }
}
