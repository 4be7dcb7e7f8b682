package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.corpus.Cv;
import dev.jobcode.index.CandidateStore.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one rule both stores follow for a batch of puts, on hand-made holdings. */
class PutDecisionsTest {
  private static CandidateStore.Put put(String id, String text, boolean replace) {
    Cv cv = new Cv(id, null, null, null, null, null, null, null, null, null, List.of(), List.of(), text);
    return new CandidateStore.Put(new PooledCv(cv, List.of(), "2026-12-04T00:00:00Z", null), new float[] {1}, replace);
  }

  private static PutDecisions.Holdings holding(Set<String> ids, Map<String, String> textToId) {
    return new PutDecisions.Holdings() {
      @Override
      public boolean hasId(String id) {
        return ids.contains(id);
      }

      @Override
      public String idWithText(String textHash) {
        return textToId.entrySet().stream().filter(e -> CandidateStore.textHash(e.getKey()).equals(textHash))
            .map(Map.Entry::getValue).findFirst().orElse(null);
      }
    };
  }

  @Test
  void eachPutGetsItsOutcomeAndEarlierPutsOfTheBatchCount() {
    var holdings = holding(Set.of("a"), Map.of("text of a", "a"));
    var decisions = PutDecisions.decide(List.of(
        put("b", "text of b", false),          // new
        put("a", "another text", false),       // id in use
        put("c", "text  of   a", false),       // a's text, white space folded
        put("a", "new text of a", true),       // replace
        put("z", "text of z", true),           // replace of nothing
        put("d", "text of b", false),          // b's text, b from this batch
        put("b", "text of b again", false)),   // b's id, b from this batch
        holdings);
    assertThat(decisions).extracting(PutDecisions.Decision::outcome).containsExactly(Outcome.ADDED,
        Outcome.ID_TAKEN, Outcome.DUPLICATE, Outcome.REPLACED, Outcome.NOT_FOUND, Outcome.DUPLICATE, Outcome.ID_TAKEN);
    assertThat(decisions.get(2).duplicateOf()).isEqualTo("a");
    assertThat(decisions.get(5).duplicateOf()).isEqualTo("b");
    assertThat(decisions).filteredOn(PutDecisions.Decision::store).hasSize(2);
  }

  @Test
  void aReplaceWithItsOwnTextIsAReplaceNotADuplicate() {
    var decisions = PutDecisions.decide(List.of(put("a", "text of a", true)),
        holding(Set.of("a"), Map.of("text of a", "a")));
    assertThat(decisions.get(0).outcome()).isEqualTo(Outcome.REPLACED);
  }
}
