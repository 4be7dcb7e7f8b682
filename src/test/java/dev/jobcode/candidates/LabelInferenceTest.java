package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.corpus.Cv;
import dev.jobcode.eval.CvStyles;
import dev.jobcode.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Labels for CVs that come without them: what is read from the text, and what is left alone. */
class LabelInferenceTest {
  private final LabelInference inference = new LabelInference(Fixtures.classifier(), null);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "7 years of experience as a nurse|7",
      "Nurse with 12+ years experience in ICU|12",
      "Experience: 3 yrs on a cardiac ward|3",
      "Over 20 years of professional experience|20",
      "Born 1985; 2 children; worked in 3 hospitals|",
      "Graduated 15 years ago|"})
  void yearsAreReadOnlyWhereTheTextStatesExperience(String text, Integer years) {
    assertThat(LabelInference.years(text)).isEqualTo(years);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Jane Roe\\nSenior Registered Nurse\\nICU nurse for six years.|Senior Registered Nurse",
      "Jane Roe\\nSKILLS\\n• Python\\nPROFILE\\nA data scientist who builds models for retail demand forecasting at scale.|",
      "jane@example.com\\nWelder\\nMIG and TIG welding|Welder",
      "Summary:\\nElectrician with 6 years in commercial wiring.|Electrician with 6 years in commercial wiring.",
      "A long first sentence that tells the whole story of a career in many words without any break at all here.|"})
  void theHeadlineIsAShortFirstLineThatIsNotTheNameAHeadingOrAContact(String text, String headline) {
    Cv cv = new Cv("x", "Jane Roe", null, null, null, null, null, null, null, null, null, null, text.replace("\\n", "\n"));
    assertThat(LabelInference.headline(cv)).isEqualTo(headline == null ? "" : headline);
  }

  @Test
  void aCvWithoutLabelsGetsThemMarkedAsInferredAndGivenLabelsWin() {
    Cv bare = Cv.of("a", "Registered nurse\nMonitor patient vital signs and record patient care. 6 years of experience.");
    Cv given = new Cv("b", null, "Nurse", "29-1141.00", null, null, "lead", null, false, null, null, null,
        "Registered nurse. Monitor patients.");
    List<LabelInference.Labelled> out = inference.infer(List.of(bare, given),
        Fixtures.classifier().encoder().encode(List.of(bare.text(), given.text())), java.util.Set.of());
    assertThat(out.get(0).cv().onetCode()).isNotNull();
    assertThat(out.get(0).cv().majorGroup()).isEqualTo(out.get(0).cv().onetCode().substring(0, 2));
    assertThat(out.get(0).cv().years()).isEqualTo(6);
    assertThat(out.get(0).inferred()).containsExactly("onet_code", "major_group", "years", "it");
    assertThat(out.get(1).cv().onetCode()).isEqualTo("29-1141.00");
    assertThat(out.get(1).cv().level()).isEqualTo("lead");
    assertThat(out.get(1).cv().it()).isFalse();
    assertThat(out.get(1).inferred()).isEmpty();
  }

  @Test
  void aCvWithoutAHeadlineIsLabelledByTheVoteOfThePoolsLabelledCvs() {
    // The fixture pool's CVs are labelled by their owners; an electrician's text without a headline.
    Cv bare = Cv.of("e", "Jane Roe\nInstall, maintain and repair electrical wiring, equipment and fixtures.");
    LabelInference withPool = new LabelInference(Fixtures.classifier(), Fixtures.pool());
    var out = withPool.infer(List.of(bare), Fixtures.classifier().encoder().encode(List.of(bare.text())),
        java.util.Set.of());
    assertThat(out.get(0).cv().onetCode()).isEqualTo("47-2111.00");
    assertThat(out.get(0).inferred()).contains("onet_code", "major_group", "it");
  }

  @Test
  void cvsRewrittenAsPeopleWriteThemLoseTheirHeadlineAndGainBullets() {
    Cv cv = Fixtures.cvs().get(3);
    Cv people = CvStyles.asPeopleWrite(cv, 42);
    assertThat(people.headline()).isNull();
    assertThat(people.text()).startsWith(cv.name()).doesNotContain(cv.headline() + "\n");
    assertThat(people.text().lines().filter(l -> l.startsWith("•") || l.startsWith("â")).count()).isPositive();
    assertThat(CvStyles.asPeopleWrite(cv, 42)).isEqualTo(people);
    assertThat(LabelInference.headline(people)).isEmpty();
  }
}
