package dev.jobcode.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.classify.JobAttributes;
import dev.jobcode.classify.JobFamily;
import dev.jobcode.classify.LevelReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IT, level and area scoring on a hand-computed example. */
class AttributeScorerTest {
  @TempDir
  Path tmp;

  private static JobAttributes answer(double it, String title, JobFamily family) {
    return new JobAttributes(it, LevelReader.read(title), "15", family, "");
  }

  private static JobAttributes answer(String title, JobFamily family, String familyCue) {
    return new JobAttributes(0, LevelReader.read(title), "11", family, familyCue);
  }

  @Test
  void scoresItPerRowAndPerUniqueTitleWithPrecisionAndRecall() throws IOException {
    Path file = tmp.resolve("it.tsv");
    Files.writeString(file, "title\tcomputer_occupation\nDev\tY\nDev\tY\nConsultant\tY\nNurse\tN\nChef\tN\n");
    LabelledSet set = LabelledSet.read(file, new LabelledSet.Columns("title", null, List.of(), "computer_occupation", null, null));
    assertThat(set.hasCodes()).isFalse();
    List<JobAttributes> answers = Arrays.asList(
        answer(0.9, "Dev", JobFamily.TECHNICAL_IT),     // right
        answer(0.9, "Dev", JobFamily.TECHNICAL_IT),     // right (same title)
        answer(0.2, "Consultant", JobFamily.MANAGEMENT), // missed IT
        answer(0.7, "Nurse", JobFamily.HEALTHCARE),      // false IT
        null);                                           // rejected: wrong
    AttributeScorer.Score it = AttributeScorer.score(set, answers).get("it");
    // rows right: 1, 2 of 5; unique titles Dev (right), Consultant, Nurse, Chef: 1 of 4;
    // predicted IT: rows 1, 2, 4 (2 true) -> precision 2/3; actual IT: rows 1-3 -> recall 2/3.
    assertThat(it.accuracy()).isCloseTo(2 / 5.0, within(1e-12));
    assertThat(it.accuracyUnique()).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(it.precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(it.recall()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void mapsLevelsAndFamiliesOntoTheSetsVocabulary() throws IOException {
    Path file = tmp.resolve("la.tsv");
    Files.writeString(file, "title\tlevel\tarea\n"
        + "VP Sales\tVP\tBusiness\n"
        + "CTO\tC-Suite\tTechnical\n"
        + "Director of Engineering\tDirector\tTechnical\n"
        + "Director of Facilities\tDirector\tBusiness\n"
        + "Lead Engineer\tManager\tTechnical\n"
        + "Accountant\tOther\tBusiness\n");
    LabelledSet set = LabelledSet.read(file, new LabelledSet.Columns("title", null, List.of(), null, "level", "area"));
    Map<String, AttributeScorer.Score> scores = AttributeScorer.score(set, List.of(
        answer("VP Sales", JobFamily.SALES_MARKETING, ""),           // an executive: Business
        answer("CTO", JobFamily.TECHNICAL_IT, "cto"),                 // names its function: Technical
        answer("Director of Engineering", JobFamily.ENGINEERING, ""), // a technical director
        answer("Director of Facilities", JobFamily.MANAGEMENT, ""),   // any other director: Business
        answer("Lead Engineer", JobFamily.ENGINEERING, ""),
        answer("Accountant", JobFamily.BUSINESS_FINANCE, "")));       // staff: Other, so wrong here
    assertThat(scores.get("level").accuracy()).isEqualTo(1.0);
    assertThat(scores.get("area").accuracy()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(scores.get("area").confusion().get("Business")).containsEntry("Other", 1).containsEntry("Business", 2);
    assertThat(scores).doesNotContainKey("it");
  }

  @Test
  void itLabelsAreYesNoOrJobFamilies() {
    assertThat(AttributeScorer.isItLabel("Y")).isTrue();
    assertThat(AttributeScorer.isItLabel("n")).isFalse();
    assertThat(AttributeScorer.isItLabel("Software Engineering")).isTrue();
    assertThat(AttributeScorer.isItLabel("Hardware Engineering")).isTrue();
    assertThat(AttributeScorer.isItLabel("Sales & Account Management")).isFalse();
  }
}
