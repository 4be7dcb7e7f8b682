package dev.jobcode.cli;

import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.LegacyCandidates;
import dev.jobcode.index.PoolMeta;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The candidate pool's folder from the command line: opened to change it, or filled from an old index. */
final class Pools {
  private Pools() {}

  /** The existing pool in {@code dir}, to change without encoding (a delete). */
  static CandidatePool writable(Path dir) {
    if (!PoolMeta.exists(dir)) {
      throw new Main.UsageException("there is no candidate pool at " + dir);
    }
    return CandidatePool.openExisting(dir);
  }

  /**
   * Puts the CVs of the index in {@code indexDir} that it keeps in its own {@code candidates/} (as
   * {@code index --cvs} did before the pool had a folder of its own) into {@code pool}, with the
   * vectors they have; CVs already there are left as they are.
   */
  static void migrate(Path indexDir, CandidatePool pool, PrintWriter err) {
    List<CandidatePool.Put> puts = LegacyCandidates.read(indexDir);
    long added = pool.put(puts).stream().filter(CandidatePool.PutResult::stored).count();
    err.printf(Locale.ROOT, "jobcode: moved %,d CVs of %s into the candidate pool %s (%,d were there already)%n",
        added, indexDir, pool.dir(), puts.size() - added);
    err.flush();
  }
}
