package dev.jobcode.measure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load run saw, figures rounded as written; serialised by {@link dev.jobcode.json.Json#MAPPER}
 * (snake_case) into the JSON of {@code load --out}. The heap figures are there only when the load
 * ran against a server of its own.
 *
 * @param requests requests sent
 * @param titles titles answered (a batch counts its items)
 * @param statuses requests by HTTP status answered
 * @param errors requests that failed: a status other than 200, or no answer (time-out, broken connection)
 * @param firstErrors the first few errors, as said
 * @param versions answers by the taxonomy version they named
 * @param singleTimed how many single-title answers the single latencies hold
 * @param batchTimed how many batch answers the batch latencies hold
 */
public record LoadReport(int clients, double seconds, int requests, int titles, int errors, double requestsPerS,
                         double titlesPerS, double singleP50Ms, double singleP99Ms, double batchP50Ms,
                         double batchP99Ms, Map<Integer, Integer> statuses, Map<String, Integer> versions,
                         List<String> firstErrors, @JsonIgnore int singleTimed, @JsonIgnore int batchTimed,
                         Long heapBeforeBytes, Long heapAfterBytes, Long peakHeapBytes) {

  static LoadReport of(int clients, double seconds, int requests, int titles, int errors,
                       Map<Integer, Integer> statuses, Map<String, Integer> versions, List<String> firstErrors,
                       Latencies single, Latencies batch) {
    return new LoadReport(clients, Figures.round(seconds), requests, titles, errors,
        Figures.round(requests / seconds), Figures.round(titles / seconds),
        Figures.round(single.percentile(50)), Figures.round(single.percentile(99)),
        Figures.round(batch.percentile(50)), Figures.round(batch.percentile(99)),
        sorted(statuses), sorted(versions), List.copyOf(firstErrors), single.count(), batch.count(),
        null, null, null);
  }

  private static <K, V> Map<K, V> sorted(Map<K, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /** With the heap in use after a collection before and after the run, and its peak. */
  LoadReport withHeap(long before, long after, long peak) {
    return new LoadReport(clients, seconds, requests, titles, errors, requestsPerS, titlesPerS, singleP50Ms,
        singleP99Ms, batchP50Ms, batchP99Ms, statuses, versions, firstErrors, singleTimed, batchTimed, before, after,
        peak);
  }

  /** Whether the heap was measured (a load against a server of its own). */
  @JsonIgnore
  public boolean hasHeap() {
    return heapBeforeBytes != null;
  }
}
