package dev.jobcode.measure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * What one bench run measured, every figure rounded as written. Serialised by
 * {@link dev.jobcode.json.Json#MAPPER} (snake_case) into the JSON of {@code bench --out}: a
 * {@code ratios} object relating each layer to the one below it, {@code hnsw_recall_at_10} at the
 * top; {@code candidates} and {@code peer} only when measured.
 *
 * @param titles the distinct titles queried
 * @param rounds the rounds each throughput is the median of
 * @param ratioSpreads the lowest and highest value of a ratio over the rounds (single-title ratios:
 *     over as many slices of the titles), by the ratio's name
 * @param hnswRecallAt10 {@code hnsw.recall_at_10} again, where the targets look for it
 */
public record BenchReport(int titles, String model, Layer encoder, Layer classify, Http http, int rounds,
                          Layers layers, AnswerCacheRun answerCache, Hnsw hnsw,
                          Candidates candidates, Index index, Build build, Ratios ratios,
                          Map<String, List<Double>> ratioSpreads,
                          @JsonProperty("hnsw_recall_at_10") double hnswRecallAt10, Peer peer, long peakHeapBytes) {

  /** p50 and p99 of a set of latencies, in milliseconds; written with the name of what was timed before them. */
  public record Percentiles(double p50Ms, double p99Ms) {
    static Percentiles of(Latencies l) {
      return new Percentiles(Figures.round(l.percentile(50)), Figures.round(l.percentile(99)));
    }
  }

  /** A layer in process (the encoder alone, or classify): one title at a time, and batches. */
  public record Layer(@JsonUnwrapped(prefix = "single_") Percentiles single, double batchTitlesPerS) {}

  /** Classify over HTTP: one client one title at a time, one client in batches, and concurrent clients. */
  public record Http(@JsonUnwrapped(prefix = "single_") Percentiles single, double batchTitlesPerS,
                     int concurrentClients, double concurrentSingleTitlesPerS) {}

  /**
   * Where one title's time goes over HTTP, by p50 in milliseconds: the encoder, the HNSW search of
   * the title's candidates, the vote and evidence (classify − encode − search), the answer's JSON,
   * a bare HTTP round trip ({@code GET /health}) after the other layers' work, as a title's request
   * meets the server, and the same right after another (back to back: the server's threads awake, the
   * difference being what waking them costs), and the rest of the HTTP path (HTTP − classify − JSON −
   * bare round trip: request parsing, admission, metrics, the answer's transfer, and the hand-offs
   * between threads it adds); and the answer's mean size.
   */
  public record Layers(double encodeMs, double hnswMs, double voteAndEvidenceMs, double jsonMs, double bareHttpMs,
                       double bareHttpBackToBackMs, double restOfHttpMs, long answerBytes) {}

  /**
   * The answer cache on in-process batches of 32: its bound, and per stream of titles (all distinct, or
   * with the repeats of a real file) the titles/s without and with it, the share answered from it, and
   * the cached titles/s against the encoder's batch throughput.
   */
  public record AnswerCacheRun(long maxBytes, List<CacheStream> streams) {}

  /** One stream of titles through the answer cache ({@link AnswerCacheRun}). */
  public record CacheStream(String name, int titles, int distinct, double offTitlesPerS, double onTitlesPerS,
                            double hitRate, double onVsEncoderBatch) {}

  /**
   * HNSW against exact search on the title vectors.
   *
   * @param candidates how many the classifier asks HNSW for
   * @param recallAt10 recall@10 of the first 10 of those {@code candidates}
   * @param recallAt10Asking10 recall@10 when HNSW is asked for 10 only
   */
  public record Hnsw(int queries, int candidates, @JsonProperty("recall_at_10") double recallAt10,
                     @JsonProperty("recall_at_10_asking_10") double recallAt10Asking10, double hnswP50Ms,
                     double exactP50Ms) {}

  /**
   * Candidate search, k = 10, by a CV's text and by its id, each without and with a filter; and the
   * store's recall@10 by id against exact search over every stored vector, without and with the
   * same-occupation filter.
   */
  public record Candidates(String store, int count, int queries,
                           @JsonUnwrapped(prefix = "by_text_") Percentiles byText,
                           @JsonUnwrapped(prefix = "by_text_filtered_") Percentiles byTextFiltered,
                           @JsonUnwrapped(prefix = "by_id_") Percentiles byId,
                           @JsonUnwrapped(prefix = "by_id_filtered_") Percentiles byIdFiltered,
                           @JsonProperty("recall_at_10") double recallAt10,
                           @JsonProperty("recall_at_10_filtered") double recallAt10Filtered) {}

  /** The index measured: where, its bytes on disk, and how long its own build took. */
  public record Index(String path, long sizeBytes, double buildSeconds) {}

  /** Index build against the pure encoding of the same texts, on the first {@code occupations}. */
  public record Build(int occupations, int texts, double encodingSeconds, double buildSeconds,
                      double buildVsEncoding) {}

  /** Each layer against the one below it; the peer's two only when the peer ran. */
  public record Ratios(double classifySingleP50VsEncoder, double classifyBatchVsEncoder,
                       double httpSingleP50VsEncoder, double httpSingleP50VsClassify, double httpBatchVsEncoder,
                       double httpBatchVsClassify, double httpConcurrentVsEncoderBatch, double buildVsEncoding,
                       Double classifySingleP50VsPeer, Double classifyBatchVsPeerEmbedding) {

    static Ratios of(Layer encoder, Layer classify, Http http, Build build, Peer peer) {
      boolean peerRan = peer != null && peer.classifySingleP50Ms() != null;
      return new Ratios(
          Figures.ratio(classify.single().p50Ms(), encoder.single().p50Ms()),
          Figures.ratio(classify.batchTitlesPerS(), encoder.batchTitlesPerS()),
          Figures.ratio(http.single().p50Ms(), encoder.single().p50Ms()),
          Figures.ratio(http.single().p50Ms(), classify.single().p50Ms()),
          Figures.ratio(http.batchTitlesPerS(), encoder.batchTitlesPerS()),
          Figures.ratio(http.batchTitlesPerS(), classify.batchTitlesPerS()),
          Figures.ratio(http.concurrentSingleTitlesPerS(), encoder.batchTitlesPerS()),
          build.buildVsEncoding(),
          peerRan ? Figures.ratio(classify.single().p50Ms(), peer.classifySingleP50Ms()) : null,
          peerRan ? Figures.ratio(classify.batchTitlesPerS(), peer.embedBatch32TitlesPerS()) : null);
    }
  }

  /**
   * The peer as its script reports it, or why it was not run ({@code skipped}, the other fields
   * then absent).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Peer(String skipped, String peer, Integer maxLength, Integer titles, Double embedSingleP50Ms,
                     Double embedSingleP99Ms, Double classifySingleP50Ms, Double classifySingleP99Ms,
                     Double embedBatch32TitlesPerS) {
    static Peer skipped(String why) {
      return new Peer(why, null, null, null, null, null, null, null, null);
    }
  }
}
