package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.testing.RealData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealOnetIT {
  @Test
  void loadsOnet30() {
    Taxonomy t = OnetLoader.load(RealData.onet30(), Optional.empty());
    assertThat(t.version()).isEqualTo("30.0");
    assertThat(t.occupations()).hasSize(1016);
    assertThat(t.occupation("15-1252.00").orElseThrow().title()).isEqualTo("Software Developers");
    assertThat(t.countsByKind()).containsEntry(TextKind.TITLE, 1016).doesNotContainKey(TextKind.REPORTED_TITLE);
    assertThat(t.countsByKind().get(TextKind.ALTERNATE_TITLE)).isGreaterThan(56_000);
    assertThat(t.countsByKind().get(TextKind.TASK)).isGreaterThan(18_000);
  }

  @Test
  void loadsOnet29WithJobZonesAndReportedTitlesFoldedIntoAlternates() {
    Taxonomy t = OnetLoader.load(RealData.onet29(), Optional.empty());
    assertThat(t.version()).isEqualTo("29.3");
    assertThat(t.occupations()).hasSize(1016);
    assertThat(t.occupation("29-1141.00").orElseThrow().jobZone()).isEqualTo(4);
    assertThat(t.occupations().values()).filteredOn(o -> o.jobZone() == 0).hasSizeLessThan(100);
    // Every one of 29.3's 7,796 reported titles is also an alternate title of the same occupation,
    // so each is kept once, as an alternate title.
    assertThat(t.texts()).contains(new OccupationText("11-1011.00", TextKind.ALTERNATE_TITLE, "CEO (Chief Executive Officer)"));
    assertThat(t.countsByKind()).doesNotContainKey(TextKind.REPORTED_TITLE);
    assertThat(t.occupation("11-1011.00").orElseThrow().related()).startsWith("11-1021.00", "11-2032.00");
    assertThat(t.occupations().values()).filteredOn(o -> !o.related().isEmpty()).hasSizeGreaterThan(900);
  }
}
