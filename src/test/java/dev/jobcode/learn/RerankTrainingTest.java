package dev.jobcode.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.OccupationMatch;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.Reranker;
import dev.jobcode.classify.TitleNormalizer;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.taxonomy.TextKind;
import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The re-ranker trained on the five-occupation fixture with the fake encoder: the mechanics, not the accuracy. */
class RerankTrainingTest {
  private static final RerankTraining.Settings SETTINGS = new RerankTraining.Settings(400, 11, 30, 0.2, 0.2);
  private static RerankTraining.Result result;
  private static List<RerankTraining.Example> examples;

  @TempDir
  Path tmp;

  @BeforeAll
  static void train() {
    RerankTraining training = new RerankTraining(Fixtures.classifier(), SETTINGS);
    examples = training.examples();
    result = training.train(examples, training.inputs(examples, ProgressListener.NONE));
  }

  @Test
  void examplesAreTitleDocumentsWithTheirOccupationsAndAHeldOutShare() {
    var vectors = Fixtures.classifier().index().vectors();
    assertThat(examples).isNotEmpty().allSatisfy(e -> {
      assertThat(vectors.text(e.doc())).isEqualTo(e.source());
      assertThat(vectors.labels(e.doc())).allMatch(l -> l.kind().titleLike() && l.kind() != TextKind.TITLE
          && e.codes().contains(l.code()));
    });
    long tune = examples.stream().filter(RerankTraining.Example::tune).count();
    assertThat(tune).isEqualTo(Math.round(examples.size() * 0.2));
    assertThat(new RerankTraining(Fixtures.classifier(), SETTINGS).examples()).as("the same seed, the same sample")
        .isEqualTo(examples);
  }

  @Test
  void aLeftOutTitleDoesNotFindItselfNorCountAsAnExactTitle() {
    Classifier classifier = Fixtures.classifier();
    int exactAny = Reranker.featureNames().indexOf("exact_any");
    int bestCos = Reranker.featureNames().indexOf("best_title_cos");
    int titles = Reranker.featureNames().indexOf("log_titles");
    int centroid = Reranker.featureNames().indexOf("title_centroid_cos");
    int checked = 0;
    for (RerankTraining.Example e : examples) {
      float[] vector = classifier.encoder().encode(List.of(TitleNormalizer.forMatching(e.source()))).get(0);
      Classifier.RerankInput with = classifier.rerankInput(e.source(), vector, Set.of());
      Classifier.RerankInput without = classifier.rerankInput(e.source(), vector, Set.of(e.doc()));
      String code = e.codes().iterator().next();
      float[] rowWith = with.rows()[with.codes().indexOf(code)];
      float[] rowWithout = without.rows()[without.codes().indexOf(code)];
      assertThat(rowWith[bestCos]).isGreaterThan(0.999f);
      assertThat(rowWithout[bestCos]).isLessThanOrEqualTo(rowWith[bestCos]);   // the fake encoder gives some titles twins
      for (float[] row : without.rows()) {
        assertThat(row[exactAny]).as("nor is it an exact title").isZero();
      }
      // Its words and its share of the centroid are gone too: the title is counted nowhere.
      assertThat(Math.expm1(rowWithout[titles])).isCloseTo(Math.expm1(rowWith[titles]) - 1, within(1e-3));
      assertThat(rowWithout[centroid]).isLessThan(rowWith[centroid]);
      if (rowWith[exactAny] == 1f) {
        checked++;   // an exact title (not another occupation's own title) when it is in the index
      }
    }
    assertThat(checked).as("examples that are exact titles while in the index").isPositive();
  }

  @Test
  void theReportCountsEveryQueryAndTheModelRecordsItsFeaturesAndRecipe() throws XGBoostError {
    RerankTraining.Report r = result.report();
    assertThat(r.trainQueries() + r.tuneQueries()).isEqualTo(examples.size());
    assertThat(r.recallAtCandidates()).isBetween(0.0, 1.0);
    assertThat(r.rerankTop1()).isBetween(0.0, r.recallAtCandidates());
    assertThat(r.rounds()).isBetween(1, SETTINGS.rounds());
    assertThat(result.booster().getAttr(Reranker.FEATURES_ATTRIBUTE)).isEqualTo(String.join(",", Reranker.featureNames()));
    assertThat(result.booster().getAttr("jobcode_recipe")).contains("\"seed\" : 11").contains("rank:ndcg");
  }

  @Test
  void aSavedModelLoadsAndRanksTitlesWithSharesThatSumToOne() throws IOException, XGBoostError {
    Path file = tmp.resolve("r.ubj");
    result.booster().saveModel(file.toString());
    Reranker reranker = Reranker.load(file);
    assertThat(reranker.sha256()).hasSize(64);
    Classifier ranked = Fixtures.classifier().withReranker(Optional.of(reranker));

    Classification c = ranked.classify(new Query("Staff Nurse", null, 5, dev.jobcode.classify.Mode.VOTE));
    assertThat(c.results()).isNotEmpty();
    assertThat(c.results()).extracting(OccupationMatch::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(c.results().stream().mapToDouble(OccupationMatch::score).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
    assertThat(ranked.classify(new Query("Staff Nurse", null, 5, dev.jobcode.classify.Mode.VOTE)).results())
        .as("deterministic").isEqualTo(c.results());
    // What people read says so: the vote re-ranked, by which file; the other modes are not re-ranked.
    assertThat(ranked.ordering(dev.jobcode.classify.Mode.VOTE)).isEqualTo("vote + re-ranker "
        + reranker.sha256().substring(0, 8));
    assertThat(ranked.ordering(dev.jobcode.classify.Mode.SIMILARITY)).isEqualTo("similarity");
    assertThat(Fixtures.classifier().ordering(dev.jobcode.classify.Mode.VOTE)).isEqualTo("vote");
  }

  @Test
  void twoTrainingsOfOneSeedWriteTheSameModel() throws XGBoostError {
    RerankTraining again = new RerankTraining(Fixtures.classifier(), SETTINGS);
    List<RerankTraining.Example> same = again.examples();
    byte[] second = again.train(same, again.inputs(same, ProgressListener.NONE)).booster().toByteArray("ubj");
    assertThat(second).isEqualTo(result.booster().toByteArray("ubj"));
  }

  @Test
  void aFileThatIsNoModelOrWasTrainedOnOtherFeaturesIsRefusedWithWhatToDo() throws IOException, XGBoostError {
    Path junk = Files.writeString(tmp.resolve("junk.ubj"), "not a model");
    assertThatThrownBy(() -> Reranker.load(junk)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an XGBoost model");

    Path other = tmp.resolve("other.ubj");
    result.booster().setAttr(Reranker.FEATURES_ATTRIBUTE, "share,rank");
    try {
      result.booster().saveModel(other.toString());
    } finally {
      result.booster().setAttr(Reranker.FEATURES_ATTRIBUTE, String.join(",", Reranker.featureNames()));
    }
    assertThatThrownBy(() -> Reranker.load(other)).hasMessageContaining("trained on other features")
        .hasMessageContaining("jobcode rerank train");
  }
}
