package dev.jobcode.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fills a candidate store with CVs, chunk by chunk, each with the vector {@code vectors} gives it:
 * re-encoded from its text (after a model change) or as stored (a move between stores).
 */
public final class PoolCopy {
  private PoolCopy() {}

  /** CVs per chunk: one encoder batch, one bulk request. */
  public static final int CHUNK = 64;

  /**
   * Puts every one of {@code entries} into {@code target} as new; refuses with {@link IndexException}
   * when any was not stored, so that a copy is complete or fails.
   */
  public static void copy(List<PooledCv> entries, Function<List<PooledCv>, List<float[]>> vectors,
                          CandidateStore target, ProgressListener progress) {
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<PooledCv> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
      List<float[]> chunkVectors = vectors.apply(chunk);
      List<CandidateStore.Put> puts = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        puts.add(new CandidateStore.Put(chunk.get(i), chunkVectors.get(i), false));
      }
      for (CandidateStore.PutResult r : target.put(puts)) {
        if (!r.stored()) {
          throw new IndexException("copying the candidate pool into " + target.location() + " failed: CV " + r.id()
              + " was not stored (" + r.outcome().name().toLowerCase(java.util.Locale.ROOT)
              + (r.duplicateOf() != null ? " of " + r.duplicateOf() : "") + ")");
        }
      }
      progress.progress(from + chunk.size(), entries.size());
    }
    if (target.size() != entries.size()) {
      throw new IndexException("copying the candidate pool into " + target.location() + " failed: " + entries.size()
          + " CVs, the copy holds " + target.size());
    }
  }
}
