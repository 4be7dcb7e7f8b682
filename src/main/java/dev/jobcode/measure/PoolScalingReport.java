package dev.jobcode.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * What {@code bench --pool-sizes} measured ({@link PoolScaling}), every figure rounded as written;
 * serialised by {@link dev.jobcode.json.Json#MAPPER} (snake_case) into the JSON of {@code --out}.
 *
 * @param pool where the source vectors came from
 * @param sources the real CV vectors copied
 * @param sigma the standard deviation of the Gaussian noise added to each dimension of a copy
 * @param copyCosine the mean cosine of a copy (the held-out queries) to its source
 * @param filter what the filtered searches admit
 * @param filterShare the mean share of a pool the filter admits
 * @param heapBeforeBytes heap in use after GC before any pool was built (the source CVs held)
 * @param rows one per size and vector format, by size
 */
public record PoolScalingReport(String pool, String model, int dimension, int sources, double sigma, long seed,
                                double copyCosine, int queries, int k, String filter, double filterShare, int hnswM,
                                int hnswBeamWidth, long heapBeforeBytes, List<Row> rows) {
  public PoolScalingReport {
    rows = List.copyOf(rows);
  }

  /**
   * One pool of {@code vectors} CVs in one vector format.
   *
   * @param format {@code float32} or {@code int8}
   * @param luceneFormat the codec's per-field vectors format
   * @param segments Lucene segments after the build's merges (each has a graph of its own, searched in turn)
   * @param buildSeconds writing the CVs (documents, HNSW graphs, merges, commit), without making their vectors
   * @param diskBytes every file of the pool's folder
   * @param vectorBytes the vectors an HNSW search compares: float32 {@code .vec}, int8 {@code .veq}
   * @param graphBytes the HNSW graphs ({@code .vex})
   * @param mappedBytes {@code vectorBytes + graphBytes}: what a search reads, memory-mapped by Lucene, off the heap
   * @param heapAfterGcBytes heap in use after GC with this pool open alone, after a pass of its searches
   * @param buildPeakHeapBytes the most the heap held while this pool was built
   * @param search the pool's search by vector, k 10, no filter (reading the 10 CVs included), over
   *     {@link PoolScaling#TIMED_ROUNDS} passes of the queries
   * @param searchFiltered the same with the filter
   * @param ownSourceShare the share of a query's exact 10 nearest that are copies of the query's own source
   *     (shared by both formats): copies of one source are nearer to each other than to any other
   *     source's, so as the copies of each source grow to 10 they fill a query's 10 nearest
   * @param exactSeconds the exact search's scan of every vector for this size (shared by both formats)
   * @param measureSeconds the searches of this size, every format's (shared): warm-up and timed passes
   */
  public record Row(String format, String luceneFormat, int vectors, int segments, double buildSeconds,
                    long diskBytes, long vectorBytes, long graphBytes, long mappedBytes, long heapAfterGcBytes,
                    long buildPeakHeapBytes,
                    @JsonUnwrapped(prefix = "search_") BenchReport.Percentiles search,
                    @JsonUnwrapped(prefix = "search_filtered_") BenchReport.Percentiles searchFiltered,
                    @JsonProperty("recall_at_10") double recallAt10,
                    @JsonProperty("recall_at_10_filtered") double recallAt10Filtered, double ownSourceShare,
                    double exactSeconds, double measureSeconds) {}
}
