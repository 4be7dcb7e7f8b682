package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.index.IndexException;
import dev.jobcode.taxonomy.TextKind;
import dev.jobcode.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final Classifier classifier = Fixtures.classifier();

  private static List<String> codes(Classification c) {
    return c.results().stream().map(m -> m.occupation().code()).toList();
  }

  @Test
  void everyModeFindsTheNurse() {
    for (Mode mode : Mode.values()) {
      Classification c = classifier.classify(new Query("Staff Nurse", null, 3, mode));
      assertThat(codes(c)).as(mode.id()).startsWith("29-1141.00");
    }
  }

  @Test
  void voteSharesSumToOneAndComeBestFirstWithEvidence() {
    Classification c = classifier.classify(new Query("Wiring Technician", null, 5, Mode.VOTE));
    assertThat(codes(c).get(0)).isEqualTo("47-2111.00");
    assertThat(c.results().stream().mapToDouble(OccupationMatch::score).sum()).isCloseTo(1.0,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(c.results()).extracting(OccupationMatch::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    Evidence best = c.results().get(0).evidence().get(0);
    assertThat(best).isEqualTo(new Evidence(TextKind.ALTERNATE_TITLE, "Wiring Technician", best.score()));
    assertThat(best.score()).isGreaterThan(0.99);
  }

  @Test
  void anOccupationsOwnTitleBeatsTheSameTextListedElsewhereAsAnAlternate() {
    // "Customer Service Representative" is an alternate title of 43-4041 and the (singular) title of 43-4051.
    Classification c = classifier.classify(Query.of("Customer Service Representative"));
    assertThat(codes(c).get(0)).isEqualTo("43-4051.00");
  }

  @Test
  void aSharedTitleSplitsItsVoteAndTiesBreakByCode() {
    Classification c = classifier.classify(new Query("Technician", null, 2, Mode.SIMILARITY));
    assertThat(codes(c)).containsExactly("15-1252.00", "47-2111.00");
    assertThat(c.results().get(0).score()).isEqualTo(c.results().get(1).score());
  }

  @Test
  void seniorityWordsDoNotChangeTheAnswer() {
    assertThat(codes(classifier.classify(Query.of("Senior Software Engineer II"))).get(0)).isEqualTo("15-1252.00");
  }

  @Test
  void aDescriptionAddsItsOwnEvidence() {
    Classification c = classifier.classify(new Query("Agent", "answer customer calls and resolve complaints", 3, Mode.VOTE));
    assertThat(codes(c).get(0)).isEqualTo("43-4051.00");
    assertThat(c.results().get(0).evidence()).extracting(Evidence::kind).contains(TextKind.TASK);
  }

  @Test
  void batchesAnswerInOrderAndMatchSingleAnswers() {
    List<Query> queries = List.of(Query.of("Electrician"), Query.of("ICU Nurse"), Query.of("Software Engineer"));
    List<Classification> batch = classifier.classifyAll(queries);
    assertThat(batch).hasSize(3);
    for (int i = 0; i < queries.size(); i++) {
      assertThat(batch.get(i)).isEqualTo(classifier.classify(queries.get(i)));
    }
  }

  @Test
  void kLimitsTheResults() {
    assertThat(classifier.classify(new Query("Nurse", null, 1, Mode.CENTROID)).results()).hasSize(1);
    assertThat(classifier.classify(new Query("Nurse", null, 50, Mode.CENTROID)).results()).hasSize(5);
  }

  @Test
  void aBatchRanksEvenWhenTheCommonPoolIsBusy() throws Exception {
    // Found under load: concurrent batches ranked in the JVM's common pool, whose only worker
    // (2 cores) was blocked by other code in the process; their queued tasks waited for it.
    // A FutureTask parks its waiters without telling the pool, so the pool starts no spare worker.
    FutureTask<Void> release = new FutureTask<>(() -> null);
    ForkJoinPool common = ForkJoinPool.commonPool();
    List<ForkJoinTask<?>> blockers = new ArrayList<>();
    for (int i = 0; i < common.getParallelism(); i++) {
      blockers.add(common.submit(() -> release.get()));
    }
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Classification>>> batches = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        batches.add(callers.submit(() -> classifier.classifyAll(
            List.of(Query.of("Electrician"), Query.of("ICU Nurse"), Query.of("Cashier"), Query.of("Welder")))));
      }
      for (Future<List<Classification>> batch : batches) {
        assertThat(batch.get(20, TimeUnit.SECONDS)).hasSize(4);
      }
    } finally {
      release.run();
      callers.shutdownNow();
      blockers.forEach(ForkJoinTask::join);
    }
  }

  @Test
  void aClassifierWhoseTablesAreStillComputedWaitsForThemOnItsFirstCall() throws Exception {
    CompletableFuture<IndexTables> tables = new CompletableFuture<>();
    Classifier waiting = new Classifier(classifier.index(), tables, classifier.encoder(), classifier.settings(),
        Optional.empty(), AnswerCache.off());
    Future<Classification> answer = Executors.newSingleThreadExecutor().submit(() -> waiting.classify(Query.of("Staff Nurse")));
    Thread.sleep(100);
    assertThat(answer).isNotDone();
    tables.complete(IndexTables.of(classifier.index().vectors()));
    assertThat(codes(answer.get(10, TimeUnit.SECONDS))).isEqualTo(codes(classifier.classify(Query.of("Staff Nurse"))));
  }

  @Test
  void tablesThatFailedAreThatFailureOnEveryCall() {
    CompletableFuture<IndexTables> tables = CompletableFuture.failedFuture(
        new IndexException("a broken index"));
    Classifier broken = new Classifier(classifier.index(), tables, classifier.encoder(), classifier.settings(),
        Optional.empty(), AnswerCache.off());
    assertThatThrownBy(broken::awaitTables)
        .isInstanceOf(IndexException.class).hasMessage("a broken index");
    assertThatThrownBy(() -> broken.classify(Query.of("Staff Nurse")))
        .isInstanceOf(IndexException.class).hasMessage("a broken index");
  }
}
