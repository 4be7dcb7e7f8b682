package dev.jobcode.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The held-out CV evaluation on the fixture's CVs and the fake encoder. */
class CandidateHoldoutTest {
  private final Classifier classifier = Fixtures.classifier();
  private final CandidatePool index = Fixtures.pool();

  @Test
  void holdsOutTheShareAndScoresBothClassifiers() {
    CandidateHoldout holdout = CandidateHoldout.draw(index, 0.1, 42);
    assertThat(holdout.labelled()).isEqualTo(Fixtures.FIXTURE_CVS);
    assertThat(holdout.size()).isEqualTo(30);
    CandidateHoldout.Result r = holdout.evaluate(classifier, index, 15);
    assertThat(r.heldOut()).isEqualTo(30);
    assertThat(r.k()).isEqualTo(15);
    for (CandidateHoldout.Scores s : List.of(r.vote(), r.classifier(), r.classifierTextOnly(), r.inference())) {
      assertThat(s.onetTop1()).isBetween(0.0, 1.0).isLessThanOrEqualTo(s.majorTop1());
      assertThat(s.majorTop1()).isBetween(0.0, 1.0);
      assertThat(s.cvsPerSecond()).isPositive();
    }
    // Five occupations in five major groups: the nearest CVs of a fixture CV are mostly its own occupation's.
    assertThat(r.vote().onetTop1()).isGreaterThan(0.5);
  }

  @Test
  void cvsWrittenAsPeopleWriteThemAreScoredByTheirText() {
    CandidateHoldout.Result r = CandidateHoldout.draw(index, 0.1, 42).evaluate(classifier, index, 15,
        CvStyles.Style.PEOPLE, true);
    assertThat(r.style()).isEqualTo("people");
    assertThat(r.vote().onetTop1()).isGreaterThan(0.5);
    assertThat(r.classifierTextOnly().majorTop1()).isGreaterThan(0.5);
  }

  @Test
  void theSameSeedDrawsTheSameCvs() {
    CandidateHoldout.Result a = CandidateHoldout.draw(index, 0.2, 7).evaluate(classifier, index, 5);
    CandidateHoldout.Result b = CandidateHoldout.draw(index, 0.2, 7).evaluate(classifier, index, 5);
    assertThat(b.vote().onetTop1()).isEqualTo(a.vote().onetTop1());
    assertThat(b.classifier().majorTop1()).isEqualTo(a.classifier().majorTop1());
  }

  @Test
  void aShareThatHoldsOutNoneOrAllIsRefused() {
    assertThatThrownBy(() -> CandidateHoldout.draw(index, 0.001, 42)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("300 labelled CVs: too few to hold out 0.001");
    assertThatThrownBy(() -> CandidateHoldout.draw(index, 0.999, 42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJsonKeepsTheKeysCandidatesEvalWrote() {
    JsonNode json = Json.MAPPER.valueToTree(new CandidateHoldout.Result(30, 300, 42, 15, "generated", true,
        new CandidateHoldout.Scores(0.8, 0.9, 100), new CandidateHoldout.Scores(0.5, 0.7, 50),
        new CandidateHoldout.Scores(0.4, 0.6, 60), new CandidateHoldout.Scores(0.7, 0.8, 40)));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("held_out", "labelled", "seed", "k", "style", "repaired", "vote", "classifier",
        "classifier_text_only", "inference");
    List<String> scores = new ArrayList<>();
    json.get("vote").fieldNames().forEachRemaining(scores::add);
    assertThat(scores).containsExactly("onet_top1", "major_top1", "cvs_per_second");
  }
}
