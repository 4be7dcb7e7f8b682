package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionReaderTest {
  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(delimiter = '|', value = {
      "CTO, IBM Cloud|technical_it|cto",
      "Chief Information Security Officer|technical_it|chief information security officer",
      "Co-Founder & Chief Technology Officer|technical_it|chief technology officer",
      "CFO and Board Member|business_finance|cfo",
      "Chief Marketing Officer|sales_marketing|chief marketing officer",
      // the first function named wins
      "CMO & CTO|sales_marketing|cmo",
  })
  void readsTheFunctionAChiefOfficersTitleNames(String title, String family, String cue) {
    FunctionReader.Reading r = FunctionReader.read(title).orElseThrow();
    assertThat(r.family().id()).isEqualTo(family);
    assertThat(r.cue()).isEqualTo(cue);
  }

  @Test
  void otherTitlesNameNoFunction() {
    assertThat(FunctionReader.read("Chief Executive Officer")).isEmpty();
    assertThat(FunctionReader.read("Director of Technology")).isEmpty();
    assertThat(FunctionReader.read("Doctor")).isEmpty();   // "cto" inside a word is not a cue
  }

  @Test
  void aChiefOfficersFamilyComesFromTheTitleNotFromChiefExecutives() {
    JobAttributes cto = JobAttributes.of("CTO", "11-1011.00", 0.1);
    assertThat(cto.family()).isEqualTo(JobFamily.TECHNICAL_IT);
    assertThat(cto.familyCue()).isEqualTo("cto");
    JobAttributes ceo = JobAttributes.of("CEO", "11-1011.00", 0.0);
    assertThat(ceo.family()).isEqualTo(JobFamily.MANAGEMENT);
    assertThat(ceo.familyCue()).isEmpty();
  }
}
