package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.index.Fields;
import dev.jobcode.index.Hit;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.table.Table;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.testing.RealData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed project's published examples, on the real model and O*NET 30.0, in the default mode. */
class KnownAnswersIT {
  private final Classifier classifier = RealData.classifier();

  private List<String> soc6(String title) {
    return classifier.classify(Query.of(title)).results().stream()
        .map(m -> OnetCodes.soc6(m.occupation().code())).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Registered Nurse - ICU|29-1141",
      "Electrician|47-2111",
      "Data Scientist|15-2051",
      "Financial Analyst|13-2051",
      "Mechanical Engineer|17-2141",
      "Marketing Manager|11-2021",
      "Customer Service Representative|43-4051",
      "Construction Project Manager|11-9021",
  })
  void topOne(String title, String soc) {
    assertThat(soc6(title).get(0)).isEqualTo(soc);
  }

  @ParameterizedTest(name = "{0} -> {1} in top 3")
  @CsvSource(delimiter = '|', value = {
      "Senior Software Engineer|15-1252",
      "HR Coordinator|13-1071",
  })
  void topThree(String title, String soc) {
    assertThat(soc6(title).subList(0, 3)).contains(soc);
  }

  @ParameterizedTest(name = "{0}: IT {1}, level {2}, family {3}")
  @CsvSource(delimiter = '|', value = {
      "Senior Java Developer|true|senior|technical_it",
      "Network Administrator|true|specialist|technical_it",
      "IT Manager|true|manager|technical_it",
      "Electrician|false|specialist|trades",
      "VP Sales|false|vp|sales_marketing",
      "Registered Nurse|false|specialist|healthcare",
      "Head Chef|false|lead|hospitality_service",
      "Chief Technology Officer|false|c-level|technical_it",   // Chief Executives by code, IT by function
      "CFO|false|c-level|business_finance",
  })
  void itLevelAndAreaComeWithEveryAnswer(String title, boolean it, String level, String family) {
    JobAttributes a = classifier.classify(Query.of(title)).attributes();
    assertThat(a.it()).as("IT, p=%s", a.itProbability()).isEqualTo(it);
    assertThat(a.level().level().id()).isEqualTo(level);
    assertThat(a.family().id()).isEqualTo(family);
  }

  @Test
  void exactOnetCodesForExactTitles() {
    assertThat(classifier.classify(Query.of("Registered Nurses")).results().get(0).occupation().code()).isEqualTo("29-1141.00");
    assertThat(classifier.classify(Query.of("Critical Care Nurse")).results().get(0).occupation().code()).isEqualTo("29-1141.03");
  }

  @Test
  void everyModeAnswersWithEvidence() {
    for (Mode mode : Mode.values()) {
      Classification c = classifier.classify(new Query("Electrician", "installs wiring in new homes", 5, mode));
      assertThat(c.results()).as(mode.id()).hasSize(5);
      assertThat(c.results().get(0).occupation().code()).as(mode.id()).isEqualTo("47-2111.00");
      assertThat(c.results().get(0).evidence()).as(mode.id()).isNotEmpty();
    }
  }

  @Test
  void hnswRecallAtTenIsAtLeast99PercentOfExactSearch() {
    List<String> titles = Table.read(RealData.rawTitles()).rows().stream()
        .map(row -> row.get(0).strip()).filter(t -> !t.isEmpty()).distinct().limit(300).toList();
    List<float[]> vectors = RealData.encoder().encode(titles.stream().map(TitleNormalizer::forMatching).toList());
    VectorIndex index = classifier.index().vectors();
    int found = 0;
    for (float[] q : vectors) {
      Set<Integer> truth = new HashSet<>();
      index.exactSearch(Fields.TITLE_VECTOR, q, 10).forEach(h -> truth.add(h.doc()));
      List<Hit> hnsw = index.search(Fields.TITLE_VECTOR, q, classifier.settings().candidates());
      found += (int) hnsw.subList(0, 10).stream().filter(h -> truth.contains(h.doc())).count();
    }
    assertThat(found / (10.0 * vectors.size())).isGreaterThanOrEqualTo(0.99);
  }
}
