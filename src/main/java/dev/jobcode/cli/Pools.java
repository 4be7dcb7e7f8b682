package dev.jobcode.cli;

import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.LegacyCandidates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The candidate pool filled from an old index. */
final class Pools {
  private Pools() {}

  /**
   * Puts the CVs of the index in {@code indexDir} that it keeps in its own {@code candidates/} (as
   * {@code index --cvs} did before the pool had a folder of its own) into {@code pool}, with the
   * vectors they have; CVs already there are left as they are.
   */
  static void migrate(Path indexDir, CandidateStore pool, PrintWriter err) {
    List<CandidateStore.Put> puts = LegacyCandidates.read(indexDir);
    long added = pool.put(puts).stream().filter(CandidateStore.PutResult::stored).count();
    err.printf(Locale.ROOT, "jobcode: moved %,d CVs of %s into the candidate pool %s (%,d were there already)%n",
        added, indexDir, pool.location(), puts.size() - added);
    err.flush();
  }
}
