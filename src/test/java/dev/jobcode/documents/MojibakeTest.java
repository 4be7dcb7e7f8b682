package dev.jobcode.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UTF-8 read as Windows-1252 is put right; text that only looks odd is left as it is. */
class MojibakeTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * Text as written, and as a program that took its UTF-8 bytes for Windows-1252 shows it; exact
   * when the garbled text is just that decoding (not when bytes were lost, cp1252 has no character
   * for one, the text was garbled twice, or proper text stands beside the mojibake).
   */
  static Stream<Arguments> garbled() {
    return Stream.of(
        Arguments.of("an accent in a name", "José", "JosÃ©", true),
        Arguments.of("a German umlaut and sharp s", "Müller, Straße", "MÃ¼ller, StraÃŸe", true),
        Arguments.of("Portuguese tilde and cedilla", "São Paulo, Conceição", "SÃ£o Paulo, ConceiÃ§Ã£o", true),
        Arguments.of("an en dash", "2019 – 2023", "2019 â€“ 2023", true),
        Arguments.of("an em dash", "Lead — Platform", "Lead â€” Platform", true),
        Arguments.of("a right single quote", "I’m a nurse", "Iâ€™m a nurse", true),
        Arguments.of("double quotes, the closing one's byte 0x9D a Latin-1 control", "“ICU”", "â€œICUâ€\u009D", false),
        Arguments.of("a bullet", "• Python", "â€¢ Python", true),
        Arguments.of("a bullet whose invisible middle byte was lost", "• Python", "â¢ Python", false),
        Arguments.of("an ellipsis whose middle byte was lost", "and more…", "and moreâ¦", false),
        Arguments.of("the euro sign", "€ 50,000", "â‚¬ 50,000", true),
        Arguments.of("Polish, with byte 0x81 a Latin-1 control", "Łódź, Wrocław", "Å\u0081Ã³dÅº, WrocÅ‚aw", false),
        Arguments.of("Romanian ș and ț", "Brașov, Constanța", "BraÈ™ov, ConstanÈ›a", true),
        Arguments.of("Cyrillic", "Привет", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", true),
        Arguments.of("Japanese", "日本語", "æ—¥æœ¬èªž", true),
        Arguments.of("an emoji", "🙂 team player", "ðŸ™‚ team player", true),
        Arguments.of("a capital with an accent", "École", "Ã‰cole", true),
        Arguments.of("proper text beside the mojibake stays proper", "Müller – Zürich", "Müller â€“ Zürich", false),
        Arguments.of("text garbled twice is repaired twice", "José", "JosÃƒÂ©", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbled")
  void repairsMojibake(String what, String proper, String garbled, boolean exact) {
    assertThat(Mojibake.repair(garbled)).isEqualTo(proper);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbled")
  void theTableHoldsRealMojibake(String what, String proper, String garbled, boolean exact) {
    if (exact) {
      assertThat(new String(proper.getBytes(StandardCharsets.UTF_8), CP1252)).isEqualTo(garbled);
    } else {
      assertThat(Mojibake.markers(garbled)).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "für", "Müller", "SÃO PAULO", "JOÃO DA SILVA", "São Paulo", "«café»", "JOSÉ’S CV", "Ærøskøbing", "naïve façade",
      "El Niño", "© 2024 Acme™", "½ day", "Zürich – Genève", "Øresund • Malmö", "Ça va ?", "ÂGE", "voilà…»",
      "Straße", "100 °C ± 2", "Ångström", "Cost: 5 €", "I’m “fine”", "日本語", "Привет", "ï¿½ stays: repairing it gives U+FFFD"})
  void leavesProperTextAlone(String text) {
    assertThat(Mojibake.repair(text)).isEqualTo(text);
  }

  @Test
  void aWholeCvLineIsRepairedAndCountsNoMarkersAfterwards() {
    String garbled = new String("José Müller – São Paulo • Python".getBytes(StandardCharsets.UTF_8), CP1252);
    assertThat(Mojibake.markers(garbled)).isEqualTo(5);
    String repaired = Mojibake.repair(garbled);
    assertThat(repaired).isEqualTo("José Müller – São Paulo • Python");
    assertThat(Mojibake.markers(repaired)).isZero();
  }

  @Test
  void textWithoutAPossibleLeadIsReturnedAsItIs() {
    String text = "Registered Nurse — ICU";
    assertThat(Mojibake.repair(text)).isSameAs(text);
  }
}
