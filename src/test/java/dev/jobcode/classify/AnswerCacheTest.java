package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.index.OnetIndex;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCacheTest {
  @TempDir
  Path tmp;

  private final FakeEncoder encoder = new FakeEncoder();
  private Classifier uncached;
  private Classifier cached;

  @BeforeEach
  void open() {
    uncached = Fixtures.classifierAt(tmp.resolve("a"), "99.1", encoder);
    cached = uncached.withAnswerCache(AnswerCache.ofMegabytes(1));
  }

  @AfterEach
  void close() {
    uncached.index().close();
  }

  @Test
  void aRepeatedQueryIsAnsweredFromTheCacheWithTheSameAnswer() {
    Classification first = cached.classify(Query.of("Staff Nurse"));
    int encoded = encoder.encodedTexts();
    Classification again = cached.classify(Query.of("Staff  Nurse"));   // cleaned to the same query
    assertThat(encoder.encodedTexts()).isEqualTo(encoded);
    assertThat(again).isSameAs(first).isEqualTo(uncached.classify(Query.of("Staff Nurse")));
    assertThat(cached.answerCache().stats().hitCount()).isEqualTo(1);
    assertThat(cached.answerCache().stats().missCount()).isEqualTo(1);
    assertThat(cached.answerCache().size()).isEqualTo(1);
    assertThat(cached.answerCache().bytes()).isPositive();
  }

  @Test
  void everythingTheAnswerDependsOnIsPartOfTheKey() {
    Classification nurse = cached.classify(new Query("Nurse", "", 3, Mode.VOTE));
    Classification otherK = cached.classify(new Query("Nurse", "", 1, Mode.VOTE));
    Classification otherMode = cached.classify(new Query("Nurse", "", 3, Mode.SIMILARITY));
    Classification described = cached.classify(new Query("Nurse", "care for patients in the ward", 3, Mode.VOTE));
    Classification otherCase = cached.classify(new Query("NURSE", "", 3, Mode.VOTE));
    assertThat(otherK.results()).hasSize(1);
    assertThat(List.of(otherK, otherMode, described, otherCase)).allSatisfy(c -> assertThat(c).isNotSameAs(nurse));
    assertThat(otherCase.query().title()).isEqualTo("NURSE");   // the answer echoes the query as asked
    assertThat(cached.answerCache().stats().hitCount()).isZero();
  }

  @Test
  void aBatchAnswersItsRepeatsOnceAndInOrder() {
    List<Query> batch = List.of(Query.of("Electrician"), Query.of("ICU Nurse"), Query.of("Electrician"),
        Query.of("Electrician"));
    int before = encoder.encodedTexts();
    List<Classification> answers = cached.classifyAll(batch);
    assertThat(encoder.encodedTexts() - before).isEqualTo(2);
    assertThat(answers).extracting(Classification::query).containsExactlyElementsOf(batch);
    assertThat(answers.get(0)).isSameAs(answers.get(2)).isSameAs(answers.get(3));
    assertThat(answers).isEqualTo(uncached.classifyAll(batch));
    assertThat(cached.answerCache().stats().hitCount()).isEqualTo(2);
    assertThat(cached.answerCache().stats().missCount()).isEqualTo(2);
  }

  @Test
  void anotherIndexStartsWithAnEmptyCacheAndTheSameCounts() {
    cached.classify(Query.of("Staff Nurse"));
    OnetIndex other = Fixtures.classifierAt(tmp.resolve("b"), "99.2", encoder).index();
    try {
      Classifier swapped = cached.withIndex(other);
      Classification answer = swapped.classify(Query.of("Staff Nurse"));
      assertThat(swapped.answerCache().size()).isEqualTo(1);
      assertThat(swapped.answerCache().stats().missCount()).isEqualTo(2);
      assertThat(swapped.answerCache().maxBytes()).isEqualTo(cached.answerCache().maxBytes());
      assertThat(answer.results()).isNotEmpty();
    } finally {
      other.close();
    }
  }

  @Test
  void offKeepsNothingButStillAnswersABatchsRepeatsOnce() {
    Classifier off = uncached.withAnswerCache(AnswerCache.off());
    int before = encoder.encodedTexts();
    off.classify(Query.of("Staff Nurse"));
    off.classify(Query.of("Staff Nurse"));
    assertThat(encoder.encodedTexts() - before).isEqualTo(2);
    off.classifyAll(List.of(Query.of("Welder"), Query.of("Welder")));
    assertThat(encoder.encodedTexts() - before).isEqualTo(3);
    assertThat(off.answerCache().enabled()).isFalse();
    assertThat(off.answerCache().stats().requestCount()).isZero();
  }

  @Test
  void theBoundKeepsTheCacheSmall() {
    Classifier tiny = uncached.withAnswerCache(AnswerCache.ofMegabytes(1));
    for (int i = 0; i < 2000; i++) {
      tiny.classify(new Query("Nurse " + i, "x".repeat(2000), 5, Mode.VOTE));
    }
    assertThat(tiny.answerCache().bytes()).isLessThanOrEqualTo(1L << 20);
    assertThat(tiny.answerCache().size()).isLessThan(2000);
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThatThrownBy(() -> AnswerCache.ofMegabytes(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 (off)");
  }
}
