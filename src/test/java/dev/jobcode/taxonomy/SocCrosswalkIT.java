package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.testing.RealData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The BLS crosswalk in ../shared/data/soc, read against O*NET 30.0: public facts of both. */
class SocCrosswalkIT {
  private final SocCrosswalk crosswalk = RealData.crosswalk();
  private final Taxonomy onet30 = OnetLoader.load(RealData.onet30(), Optional.empty());
  private final OccupationCodes codes = new OccupationCodes("O*NET-SOC 30.0", onet30.occupations().keySet(),
      Optional.of(crosswalk));

  @Test
  void everySoc2010DetailedCodeMapsToOneOrSeveral2018Codes() {
    // SOC 2010 has 840 detailed occupations; 734 are unchanged, 64 renumbered, 42 split
    assertThat(crosswalk.counts()).isEqualTo(new SocCrosswalk.Counts(840, 798, 734, 42));
    assertThat(crosswalk.share2018(onet30.occupations().keySet().stream().map(OnetCodes::soc6).toList())).isEqualTo(1.0);
  }

  @Test
  void knownMappingsOfThePublicCrosswalk() {
    assertThat(crosswalk.map2010("15-1132")).containsExactly("15-1252", "15-1253");
    assertThat(crosswalk.title2010("15-1132")).contains("Software Developers, Applications");
    assertThat(crosswalk.map2010("15-1121")).containsExactly("15-1211");
    assertThat(crosswalk.map2010("15-1199")).containsExactly("13-1082", "15-1243", "15-1253", "15-1255", "15-1299");
    assertThat(crosswalk.map2010("29-1141")).containsExactly("29-1141");
  }

  @Test
  void codesAsUsersWriteThemAreReadInOnet30() {
    assertThat(codes.resolve("15-1132").codes()).containsExactly("15-1252.00", "15-1253.00");
    assertThat(codes.resolve("15-1132.00").mappedFrom().code()).isEqualTo("15-1132");
    assertThat(codes.resolve("15-1121").codes()).containsExactly("15-1211.00", "15-1211.01");
    assertThat(codes.single("15-1121").codes()).containsExactly("15-1211.00");   // a CV's label: the SOC's .00
    assertThat(codes.resolve("15-1134").codes()).containsExactly("15-1254.00", "15-1255.00", "15-1255.01");
    // a code of both versions is read as 2018: all of Registered Nurses' O*NET occupations, not mapped
    assertThat(codes.resolve("29-1141").codes()).containsExactly("29-1141.00", "29-1141.01", "29-1141.02",
        "29-1141.03", "29-1141.04");
    assertThat(codes.resolve("29-1141").mapped()).isFalse();
    assertThatThrownBy(() -> codes.resolve("29-9999")).hasMessage("29-9999 is not a SOC 2018 or SOC 2010 code");
  }
}
