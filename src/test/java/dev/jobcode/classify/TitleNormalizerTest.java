package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleNormalizerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Senior Software Engineer|Software Engineer",
      "Sr. Accountant|Accountant",
      "Jr Developer|Developer",
      "Software Engineer II|Software Engineer",
      "Customer Service Representative I|Customer Service Representative",
      "Senior Engineer - Sales|Engineer - Sales",
      "Senior|Senior",
      "Registered Nurse - ICU|Registered Nurse - ICU",
      "Chief Information Officer|Chief Information Officer",
  })
  void dropsSeniorityWordsButNeverTheWholeTitle(String title, String expected) {
    assertThat(TitleNormalizer.forMatching(title)).isEqualTo(expected);
  }

  @Test
  void keysIgnoreCasePunctuationAndPlurals() {
    assertThat(TitleNormalizer.key("  HR  Coordinator (Human-Resources) ")).isEqualTo("hr coordinator human resources");
    assertThat(ExactTitles.key("Customer Service Representatives")).isEqualTo(ExactTitles.key("customer service representative"));
    assertThat(ExactTitles.key("Business Analysis")).isEqualTo("business analysis");
    assertThat(ExactTitles.key("Glass Blowers")).isEqualTo("glass blower");
  }
}
