package dev.jobcode.index;

import dev.jobcode.index.CandidateStore.Outcome;
import dev.jobcode.index.CandidateStore.Put;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule of every store for what becomes of a batch of puts: a replace needs the id, an add
 * needs it free, and no two CVs share a text. Puts earlier in the batch count as stored.
 */
public final class PutDecisions {
  private PutDecisions() {}

  /** What the store holds now, asked of it as the batch is decided. */
  public interface Holdings {
    boolean hasId(String id);

    /** The id of the CV whose text hashes to {@code textHash}, or null. */
    String idWithText(String textHash);
  }

  /** One put decided: store it when {@code outcome} is ADDED or REPLACED. */
  public record Decision(Put put, String textHash, Outcome outcome, String duplicateOf) {
    public boolean store() {
      return outcome == Outcome.ADDED || outcome == Outcome.REPLACED;
    }

    public CandidateStore.PutResult result() {
      return new CandidateStore.PutResult(put.entry().id(), outcome, duplicateOf);
    }
  }

  public static List<Decision> decide(List<Put> puts, Holdings holdings) {
    List<Decision> decisions = new ArrayList<>(puts.size());
    Map<String, String> batchTexts = new HashMap<>();   // text hash → id, for puts not yet stored
    Set<String> batchIds = new HashSet<>();
    for (Put p : puts) {
      String id = p.entry().id();
      String hash = CandidateStore.textHash(p.entry().cv().text());
      boolean exists = batchIds.contains(id) || holdings.hasId(id);
      String sameText = batchTexts.get(hash);
      if (sameText == null) {
        sameText = holdings.idWithText(hash);
      }
      Outcome outcome;
      if (p.replace() && !exists) {
        outcome = Outcome.NOT_FOUND;
      } else if (sameText != null && (!p.replace() || !sameText.equals(id))) {
        outcome = Outcome.DUPLICATE;   // the same CV again, under its id or another
      } else if (!p.replace() && exists) {
        outcome = Outcome.ID_TAKEN;
      } else {
        outcome = exists ? Outcome.REPLACED : Outcome.ADDED;
        batchIds.add(id);
        batchTexts.put(hash, id);
      }
      decisions.add(new Decision(p, hash, outcome, outcome == Outcome.DUPLICATE ? sameText : null));
    }
    return decisions;
  }
}
