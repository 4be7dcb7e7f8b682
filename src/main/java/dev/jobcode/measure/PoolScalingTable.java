package dev.jobcode.measure;

import java.util.Locale;

/** The {@code bench --pool-sizes} report as a table for people; the JSON has the same figures. */
public final class PoolScalingTable {
  private PoolScalingTable() {}

  private static final String ROW = "%-8s %10s %4s %8s %8s %9s %8s %8s %13s %13s %7s %8s%n";

  public static String render(PoolScalingReport r) {
    StringBuilder b = new StringBuilder();
    line(b, "jobcode bench --pool-sizes: candidate search as the pool grows; model %s (%d dimensions), HNSW m %d, "
        + "beam width %d", r.model(), r.dimension(), r.hnswM(), r.hnswBeamWidth());
    line(b, "vectors: the %,d real CV vectors of %s perturbed with Gaussian noise (sigma %s per dimension, seed %d) "
            + "and re-normalised (L2), each copied in turn to reach the size; a copy's cosine to its source is %.3f on "
            + "average", r.sources(), r.pool(), r.sigma(), r.seed(), r.copyCosine());
    line(b, "queries: %d held-out perturbed copies (in no pool), k %d, through the pool's own search (kNN, then "
            + "the %d CVs read), %d passes timed after %d, the formats in turn query by query; filtered: %s (%.1f%% "
            + "of the pool on average); recall@%d against exact search over every vector", r.queries(), r.k(), r.k(),
        PoolScaling.TIMED_ROUNDS, PoolScaling.WARM_UP_ROUNDS, r.filter(), 100 * r.filterShare(), r.k());
    b.append(String.format(Locale.ROOT, ROW, "format", "vectors", "segs", "build s", "disk MB", "mapped MB",
        "heap MB", "peak MB", "p50/p99 ms", "filtered", "recall", "filtered"));
    for (PoolScalingReport.Row row : r.rows()) {
      b.append(String.format(Locale.ROOT, ROW, row.format(), String.format(Locale.ROOT, "%,d", row.vectors()),
          row.segments(), fixed(row.buildSeconds()), mb(row.diskBytes()), mb(row.mappedBytes()),
          mb(row.heapAfterGcBytes()), mb(row.buildPeakHeapBytes()), pair(row.search()), pair(row.searchFiltered()),
          String.format(Locale.ROOT, "%.3f", row.recallAt10()),
          String.format(Locale.ROOT, "%.3f", row.recallAt10Filtered())));
    }
    line(b, "build: writing the CVs (documents, HNSW graphs, merges, commit); mapped: the vectors a search compares "
        + "and the graph (float32 .vec + .vex; int8 .veq + .vex, its floats stay in .vec on disk), memory-mapped by "
        + "Lucene off the heap; heap: in use after GC with that pool open alone (%s MB before any pool); peak: the "
        + "most the heap held while building, garbage included", mb(r.heapBeforeBytes()));
    r.rows().stream().filter(row -> row.format().equals(r.rows().get(0).format())).forEach(row -> line(b,
        "%,d vectors: exact search %.1f s, the searches of every format %.1f s; %.0f%% of a query's exact %d nearest "
            + "are copies of its own source (copies of one source are nearer to each other than a real pool's CVs are)",
        row.vectors(), row.exactSeconds(), row.measureSeconds(), 100 * row.ownSourceShare(), r.k()));
    return b.toString();
  }

  private static String pair(BenchReport.Percentiles p) {
    return String.format(Locale.ROOT, "%.2f/%.2f", p.p50Ms(), p.p99Ms());
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static String fixed(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
