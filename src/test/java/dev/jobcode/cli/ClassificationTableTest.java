package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.Query;
import dev.jobcode.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code classify}'s table on the fixture index with the fake encoder. */
class ClassificationTableTest {
  private final Classifier classifier = Fixtures.classifier();

  private String render(List<Classification> results) {
    StringWriter out = new StringWriter();
    ClassificationTable.print(results, classifier.index().meta(), classifier.ordering(results.get(0).query().mode()),
        new PrintWriter(out));
    return out.toString();
  }

  @Test
  void printsEachTitleWithItsAttributesAndOccupations() {
    String table = render(List.of(classifier.classify(Query.of("Electrician"))));
    assertThat(table).startsWith("O*NET-SOC 99.1, model fake-bow, mode vote")
        .contains("Electrician").contains("level specialist").contains("1. 47-2111.00  Electricians");
  }

  @Test
  void aClassificationWithNoOccupationHasNoAttributesToPrint() {
    // What the classifier answers when nothing matches: no results, so no attributes (null), and review.
    Classification none = new Classification(Query.of("Zzyzx"), List.of(), "no occupation matched", null, List.of());
    String table = render(List.of(classifier.classify(Query.of("Registered Nurse")), none));
    assertThat(table).contains("Zzyzx  (review)  [no occupation found]")
        .contains("1. 29-1141.00  Registered Nurses");
  }
}
