package dev.jobcode.classify;

import dev.jobcode.taxonomy.ItOccupations;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobFamilyTest {
  @ParameterizedTest(name = "{0} -> {1}, IT {2}")
  @CsvSource(delimiter = '|', value = {
      "15-1252.00|technical_it|true",
      "15-1299.08|technical_it|true",
      "11-3021.00|technical_it|true",
      "17-2061.00|technical_it|true",
      "15-2051.00|technical_it|true",
      "15-2041.00|technical_it|false",
      "17-2141.00|engineering|false",
      "11-2021.00|sales_marketing|false",
      "11-3031.00|business_finance|false",
      "11-9111.00|healthcare|false",
      "11-1011.00|management|false",
      "29-1141.03|healthcare|false",
      "47-2111.00|trades|false",
      "53-3032.00|operations|false",
  })
  void familiesAndItFollowTheCodes(String code, String family, boolean it) {
    assertThat(JobFamily.of(code).id()).isEqualTo(family);
    assertThat(ItOccupations.isIt(code)).isEqualTo(it);
  }
}
