package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocCrosswalkTest {
  private final SocCrosswalk crosswalk = Fixtures.crosswalk();

  @Test
  void aCodeMapsToTheSoc2018CodesItBecameSorted() {
    assertThat(crosswalk.map2010("29-1141")).containsExactly("29-1141");          // unchanged
    assertThat(crosswalk.map2010("15-1121")).containsExactly("15-1211");          // renumbered
    assertThat(crosswalk.map2010("15-1132")).containsExactly("15-1252", "15-1253");  // split
    assertThat(crosswalk.title2010("15-1132")).contains("Software Developers, Applications");
  }

  @Test
  void aCodeOfNo2010VersionMapsToNothing() {
    assertThat(crosswalk.map2010("15-1252")).isEmpty();
    assertThat(crosswalk.is2010("15-1252")).isFalse();
    assertThat(crosswalk.is2018("15-1252")).isTrue();
    assertThat(crosswalk.is2018("15-1132")).isFalse();
  }

  @Test
  void countsSayHowManyMapToOneAndHowManyToSeveral() {
    // 7 codes: 11-1011, 29-1141, 47-2111 unchanged; 15-1121 renumbered; 15-1132 and 43-4199 split
    assertThat(crosswalk.counts()).isEqualTo(new SocCrosswalk.Counts(6, 4, 3, 2));
  }

  @Test
  void theShareOfATaxonomysCodesThatAre2018CodesTellsItsVersion() {
    assertThat(crosswalk.share2018(List.of("15-1252", "29-1141", "15-1132", "99-9999"))).isEqualTo(0.5);
  }

  @Test
  void aBadRowIsRefusedNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve(SocCrosswalk.FILE_NAME);
    Files.writeString(csv, "soc2010,soc2010_title,soc2018,soc2018_title\n15-1132,Devs,15-1252,Devs\n15-113,Bad,15-1253,QA\n");
    assertThatThrownBy(() -> SocCrosswalk.load(csv)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("line 3").hasMessageContaining("'15-113' is not a SOC code");
    Files.writeString(csv, "soc2010,title\n");
    assertThatThrownBy(() -> SocCrosswalk.load(csv)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("soc2010_title");
  }
}
