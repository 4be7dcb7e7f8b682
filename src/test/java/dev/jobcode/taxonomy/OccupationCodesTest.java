package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.taxonomy.OccupationCodeException.Reason;
import dev.jobcode.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OccupationCodesTest {
  /** The fixture's five occupations, and one with O*NET detail, under the hand-made crosswalk. */
  private static final List<String> SERVED = List.of("15-1252.00", "29-1141.00", "29-1141.01", "43-4041.00",
      "43-4051.00", "47-2111.00");
  private final OccupationCodes codes = new OccupationCodes("O*NET-SOC 99.1", SERVED, Optional.of(Fixtures.crosswalk()));

  private static Reason reason(Runnable r) {
    try {
      r.run();
    } catch (OccupationCodeException e) {
      return e.reason();
    }
    throw new AssertionError("no OccupationCodeException");
  }

  @Test
  void anOnetSocCodeOfTheTaxonomyIsItself() {
    OccupationCodes.Resolution r = codes.resolve("29-1141.01");
    assertThat(r.codes()).containsExactly("29-1141.01");
    assertThat(r.mapped()).isFalse();
  }

  @Test
  void aSoc2018CodeMeansEveryOccupationUnderIt() {
    assertThat(codes.resolve("29-1141").codes()).containsExactly("29-1141.00", "29-1141.01");
    assertThat(codes.resolve("15-1252").codes()).containsExactly("15-1252.00");
    assertThat(codes.resolve(" 15-1252 ").mapped()).isFalse();
  }

  @Test
  void a2018CodeWinsOverThe2010ReadingOfTheSameDigits() {
    // 29-1141 is a code in both versions; read as 2018, it is not marked as mapped
    assertThat(codes.resolve("29-1141").mappedFrom()).isNull();
  }

  @Test
  void aSoc2010CodeIsMappedAndSaysFromWhat() {
    OccupationCodes.Resolution r = codes.resolve("15-1132");
    assertThat(r.codes()).containsExactly("15-1252.00");   // 15-1253 is not in the taxonomy
    assertThat(r.mappedFrom()).isEqualTo(new OccupationCodes.Mapping("SOC 2010", "15-1132",
        "Software Developers, Applications", List.of("15-1252", "15-1253")));
    assertThat(codes.resolve("15-1132.00").codes()).containsExactly("15-1252.00");   // O*NET-SOC 2010 style
  }

  @Test
  void aSplit2010CodeMeansAllItsOccupations() {
    OccupationCodes.Resolution r = codes.resolve("43-4199");
    assertThat(r.codes()).containsExactly("43-4041.00", "43-4051.00");
    assertThat(r.mapped()).isTrue();
  }

  @Test
  void aCodeOfNoVersionIsRefusedNamingBoth() {
    assertThatThrownBy(() -> codes.resolve("29-9999")).isInstanceOf(OccupationCodeException.class)
        .hasMessage("29-9999 is not a SOC 2018 or SOC 2010 code");
    assertThat(reason(() -> codes.resolve("29-9999.00"))).isEqualTo(Reason.UNKNOWN);
  }

  @Test
  void aCodeOfTheRightVersionThatTheTaxonomyLacksIsNotServed() {
    assertThat(reason(() -> codes.resolve("29-1141.99"))).isEqualTo(Reason.NOT_SERVED);   // no such detail
    assertThat(reason(() -> codes.resolve("11-1011.00"))).isEqualTo(Reason.NOT_SERVED);   // 2018 code, not served
    assertThatThrownBy(() -> codes.resolve("15-1121")).hasMessage(
        "SOC 2010 15-1121 maps to SOC 2018 15-1211, of which O*NET-SOC 99.1 has no occupation");
  }

  @Test
  void whatIsNotACodeIsMalformed() {
    for (String bad : List.of("", "29-114", "29-1141.0", "291141", "29-1141.00.1", "nurse")) {
      assertThat(reason(() -> codes.resolve(bad))).as(bad).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void withoutTheCrosswalkA2010CodeIsRefusedSayingHowToGetIt() {
    OccupationCodes without = new OccupationCodes("O*NET-SOC 99.1", SERVED, Optional.empty());
    assertThat(without.resolve("29-1141").codes()).hasSize(2);
    assertThatThrownBy(() -> without.resolve("15-1132")).isInstanceOf(OccupationCodeException.class)
        .hasMessageContaining("15-1132 is not a SOC 2018 code of O*NET-SOC 99.1")
        .hasMessageContaining("--soc DIR");
    assertThat(without.acceptable("15-1132")).containsExactly("15-1132");
  }

  @Test
  void aLabelMustMeanOneOccupationAndListsTheChoicesWhenItMeansSeveral() {
    assertThat(codes.single("15-1132").codes()).containsExactly("15-1252.00");
    assertThatThrownBy(() -> codes.single("43-4199")).isInstanceOf(OccupationCodeException.class)
        .hasMessage("43-4199 (SOC 2010 43-4199, mapped to SOC 2018 43-4041, 43-4051) means 2 occupations of "
            + "O*NET-SOC 99.1; name one of 43-4041.00, 43-4051.00")
        .extracting(e -> ((OccupationCodeException) e).choices()).isEqualTo(List.of("43-4041.00", "43-4051.00"));
    // one SOC occupation with O*NET detail under it: its .00 occupation, O*NET's occupation of that SOC code
    assertThat(codes.single("29-1141").codes()).containsExactly("29-1141.00");
  }

  @Test
  void aCvsLabelKeepsAnOnetSocCodeAsWrittenUnlessItIsA2010One() {
    assertThat(codes.forLabel("51-4121.06").codes()).containsExactly("51-4121.06");   // as before: kept
    assertThat(codes.forLabel("15-1132.00").codes()).containsExactly("15-1252.00");
    assertThat(codes.forLabel("15-1252").codes()).containsExactly("15-1252.00");
    assertThat(reason(() -> codes.forLabel("29-9999"))).isEqualTo(Reason.UNKNOWN);
  }

  @Test
  void anEvalLabelIn2010IsAnyOfIts2018Codes() {
    assertThat(codes.acceptable("15-1132")).containsExactly("15-1252", "15-1253");
    assertThat(codes.acceptable("15-1132.00")).containsExactly("15-1252", "15-1253");
    assertThat(codes.acceptable("29-1141.03")).containsExactly("29-1141.03");   // a 2018 code stays
    assertThat(codes.acceptable("99-9999")).containsExactly("99-9999");         // never matches, as before
  }
}
