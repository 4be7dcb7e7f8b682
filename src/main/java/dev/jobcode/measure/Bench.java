package dev.jobcode.measure;

import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.candidates.CandidateSearch;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.jobcode.classify.AnswerCache;
import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.TitleNormalizer;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.Fields;
import dev.jobcode.index.Hit;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.PooledCv;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.json.Json;
import dev.jobcode.server.Api;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bench: measures, in one run on a real index and model, after warm-up: the raw encoder,
 * classify in process and over HTTP (single, batch, and concurrent single-title clients), HNSW
 * recall and latency against exact search, candidate search, index build against pure encoding,
 * index size and peak heap; optionally the peer.
 */
public final class Bench {
  private static final int BATCH = 32;
  private static final int ROUNDS = 3;
  static final int CONCURRENT_CLIENTS = 16;

  /**
   * What to measure with.
   *
   * @param titles the titles to query
   * @param candidateQueries how many CVs to search with
   * @param buildOccupations how many occupations the build measurement indexes
   * @param onetDir the O*NET release of the build measurement; null for the one the index was built from
   * @param peer the peer's script and the titles file it reads, or null for no peer
   * @param repeated titles with the repeats of a real file, in its order, for the answer cache; empty for none
   */
  public record Plan(List<String> titles, int candidateQueries, int buildOccupations, Path onetDir, PeerRun peer,
                     List<String> repeated) {}

  /** The peer's script, run on the titles of {@code titlesFile}. */
  public record PeerRun(Path script, Path titlesFile) {}

  private Bench() {}

  /**
   * Runs the plan against {@code classifier} and the {@code encoder} it was opened with, and
   * measures candidate search on {@code pool} when there is one (else null).
   */
  public static BenchReport run(Encoder encoder, Classifier cached, CandidateStore pool, Plan plan)
      throws Exception {
    List<String> titles = plan.titles();
    // The layers are measured computing every answer: their rounds repeat the same titles.
    Classifier classifier = cached.withAnswerCache(AnswerCache.off());
    BenchReport.Layer encoderLayer;
    BenchReport.Layer classifyLayer;
    BenchReport.Http http;
    BenchReport.Layers layers;
    Map<String, List<Double>> spreads;
    JobcodeServer app = JobcodeServer.create(classifier, ServerSettings.DEFAULT).start("127.0.0.1", 0);
    try {
      HttpBench client = new HttpBench(app.port(), CONCURRENT_CLIENTS);
      warmUp(encoder, classifier, client, titles);
      // Latencies interleaved title by title, so that a change in the machine's load touches the
      // layers alike and their ratios hold; each round is a slice of the titles, for the ratios' spread.
      Singles singles = new Singles();
      VectorIndex vectors = classifier.index().vectors();
      IndexMeta served = classifier.index().meta();
      int candidates = classifier.settings().candidates();
      for (int i = 0; i < titles.size(); i++) {
        String t = titles.get(i);
        int round = i * ROUNDS / titles.size();
        float[][] vector = new float[1][];
        Classification[] answer = new Classification[1];
        byte[][] json = new byte[1][];
        singles.encoder[round].time(() -> vector[0] = encoder.encode(TitleNormalizer.forMatching(t)));
        singles.hnsw.time(() -> vectors.search(Fields.TITLE_VECTOR, vector[0], candidates));
        singles.classify[round].time(() -> answer[0] = classifier.classify(Query.of(t)));
        singles.json.time(() -> json[0] = Json.bytes(Api.ClassifyResponse.of(answer[0], served)));
        singles.answerBytes += json[0].length;
        singles.http[round].time(() -> client.classify(t));
        singles.bareHttp.time(client::health);
        singles.bareHttpBackToBack.time(client::health);
      }
      // Throughputs: ROUNDS rounds of the four, each figure the median of its rounds.
      double[][] rounds = new double[4][ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        rounds[0][r] = throughput(titles, encoder::encode);
        rounds[1][r] = throughput(titles, batch -> classifier.classifyAll(batch.stream().map(Query::of).toList()));
        rounds[2][r] = throughput(titles, client::batch);
        rounds[3][r] = client.concurrentSingles(titles, CONCURRENT_CLIENTS);
      }
      encoderLayer = new BenchReport.Layer(BenchReport.Percentiles.of(Singles.all(singles.encoder)), median(rounds[0]));
      classifyLayer = new BenchReport.Layer(BenchReport.Percentiles.of(Singles.all(singles.classify)),
          median(rounds[1]));
      http = new BenchReport.Http(BenchReport.Percentiles.of(Singles.all(singles.http)), median(rounds[2]),
          CONCURRENT_CLIENTS, median(rounds[3]));
      layers = singles.layers(encoderLayer, classifyLayer, http, titles.size());
      spreads = singles.spreads(rounds);
    } finally {
      app.stop();
    }

    BenchReport.AnswerCacheRun answerCache = answerCache(classifier, cached.answerCache().fresh(), plan,
        encoderLayer.batchTitlesPerS());
    BenchReport.Hnsw hnsw = recall(classifier, encoder, titles);
    BenchReport.Candidates candidates = pool == null || pool.size() == 0 ? null
        : candidates(classifier, pool, plan.candidateQueries());
    IndexMeta meta = classifier.index().meta();
    BenchReport.Index index = new BenchReport.Index(classifier.index().dir().toString(),
        BuildBench.size(classifier.index().dir()), meta.buildSeconds());
    Path onetDir = plan.onetDir() != null ? plan.onetDir() : Path.of(meta.taxonomy().source());
    BenchReport.Build build = BuildBench.run(onetDir, encoder, meta.hnsw(), plan.buildOccupations());
    BenchReport.Peer peer = plan.peer() == null ? null : PeerBench.run(plan.peer().script(), plan.peer().titlesFile());
    return new BenchReport(titles.size(), encoder.model().id(), encoderLayer, classifyLayer, http, ROUNDS, layers,
        answerCache, hnsw,
        candidates, index, build, BenchReport.Ratios.of(encoderLayer, classifyLayer, http, build, peer), spreads,
        hnsw.recallAt10(), peer, Heap.peak());
  }

  /** The single-title latencies of each layer: the three compared per round, the others over all titles. */
  private static final class Singles {
    final Latencies[] encoder = rounds();
    final Latencies[] classify = rounds();
    final Latencies[] http = rounds();
    final Latencies hnsw = new Latencies();
    final Latencies json = new Latencies();
    final Latencies bareHttp = new Latencies();
    final Latencies bareHttpBackToBack = new Latencies();
    long answerBytes;

    private static Latencies[] rounds() {
      Latencies[] r = new Latencies[ROUNDS];
      Arrays.setAll(r, i -> new Latencies());
      return r;
    }

    static Latencies all(Latencies[] rounds) {
      Latencies all = new Latencies();
      for (Latencies r : rounds) {
        r.addAll(all);
      }
      return all;
    }

    /** Where a single title's time goes, by p50: each layer's own, the rest as differences of the measured ones. */
    BenchReport.Layers layers(BenchReport.Layer encoderLayer, BenchReport.Layer classifyLayer, BenchReport.Http http,
                              int titles) {
      double encode = encoderLayer.single().p50Ms();
      double search = Figures.round(hnsw.percentile(50));
      double classify = classifyLayer.single().p50Ms();
      double serialise = Figures.round(json.percentile(50));
      double bare = Figures.round(bareHttp.percentile(50));
      return new BenchReport.Layers(encode, search, Figures.round(Math.max(0, classify - encode - search)), serialise,
          bare, Figures.round(bareHttpBackToBack.percentile(50)),
          Figures.round(Math.max(0, http.single().p50Ms() - classify - serialise - bare)),
          answerBytes / Math.max(1, titles));
    }

    /** Each ratio's lowest and highest over the rounds: single-title p50s per slice of titles, throughputs per round. */
    Map<String, List<Double>> spreads(double[][] throughputs) {
      double[] classifyVsEncoder = new double[ROUNDS];
      double[] httpVsEncoder = new double[ROUNDS];
      double[] classifyBatch = new double[ROUNDS];
      double[] httpBatch = new double[ROUNDS];
      double[] concurrent = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        double encoderP50 = encoder[r].percentile(50);
        classifyVsEncoder[r] = classify[r].percentile(50) / encoderP50;
        httpVsEncoder[r] = http[r].percentile(50) / encoderP50;
        classifyBatch[r] = throughputs[1][r] / throughputs[0][r];
        httpBatch[r] = throughputs[2][r] / throughputs[0][r];
        concurrent[r] = throughputs[3][r] / throughputs[0][r];
      }
      Map<String, List<Double>> spreads = new LinkedHashMap<>();
      spreads.put("classify_single_p50_vs_encoder", minMax(classifyVsEncoder));
      spreads.put("classify_batch_vs_encoder", minMax(classifyBatch));
      spreads.put("http_single_p50_vs_encoder", minMax(httpVsEncoder));
      spreads.put("http_batch_vs_encoder", minMax(httpBatch));
      spreads.put("http_concurrent_vs_encoder_batch", minMax(concurrent));
      return spreads;
    }

    private static List<Double> minMax(double[] xs) {
      return List.of(Figures.round(Arrays.stream(xs).min().orElse(Double.NaN)),
          Figures.round(Arrays.stream(xs).max().orElse(Double.NaN)));
    }
  }

  /**
   * In-process batches of {@link #BATCH} over the all-distinct titles and over the repeated ones, without
   * and with the answer cache (emptied before each round), each figure the median of {@link #ROUNDS}.
   */
  private static BenchReport.AnswerCacheRun answerCache(Classifier uncached, AnswerCache cache, Plan plan,
                                                        double encoderBatch) {
    Classifier cached = uncached.withAnswerCache(cache);
    List<BenchReport.CacheStream> streams = new ArrayList<>();
    Map<String, List<String>> named = new LinkedHashMap<>();
    named.put("distinct", plan.titles());
    if (!plan.repeated().isEmpty()) {
      named.put("repeated", plan.repeated());
    }
    named.forEach((name, titles) -> {
      double[] off = new double[ROUNDS];
      double[] on = new double[ROUNDS];
      double[] hitRate = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        off[r] = throughput(titles, batch -> uncached.classifyAll(batch.stream().map(Query::of).toList()));
        cache.clear();
        CacheStats before = cache.stats();
        on[r] = throughput(titles, batch -> cached.classifyAll(batch.stream().map(Query::of).toList()));
        hitRate[r] = cache.stats().minus(before).hitRate();
      }
      double onMedian = median(on);
      streams.add(new BenchReport.CacheStream(name, titles.size(), new HashSet<>(titles).size(), median(off), onMedian,
          median(hitRate), Figures.ratio(onMedian, encoderBatch)));
    });
    return new BenchReport.AnswerCacheRun(cache.maxBytes(), streams);
  }

  private static void warmUp(Encoder encoder, Classifier classifier, HttpBench client, List<String> titles) {
    List<String> some = titles.subList(0, Math.min(64, titles.size()));
    for (String t : some) {
      classifier.classify(Query.of(t));
      client.classify(t);
    }
    encoder.encode(some);
    client.batch(some.subList(0, Math.min(BATCH, some.size())));
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    return Figures.round(sorted[sorted.length / 2]);
  }

  private static double throughput(List<String> titles, Consumer<List<String>> call) {
    long start = System.nanoTime();
    for (int from = 0; from < titles.size(); from += BATCH) {
      call.accept(titles.subList(from, Math.min(from + BATCH, titles.size())));
    }
    return Figures.round(titles.size() / ((System.nanoTime() - start) / 1e9));
  }

  /**
   * Candidate search latency, k = 10: by a CV's text (encoding included) and by id (search only),
   * each without a filter and with one (same major group and at least 5 years; by id, the same
   * occupation: a selective filter).
   */
  public static BenchReport.Candidates candidates(Classifier classifier, CandidateStore pool, int n) {
    CandidateSearch search = CandidateSearch.of(classifier, pool);
    List<PooledCv> all = pool.list();
    var labelled = all.stream().filter(e -> e.cv().onetCode() != null).limit(n).toList();
    List<Candidate> sample = labelled.stream().map(Candidate::of).toList();
    // A CV may be longer than a query may be: its start stands for it.
    List<String> texts = labelled.stream().map(e -> e.cv().text())
        .map(t -> t.substring(0, Math.min(t.length(), CandidateQuery.MAX_TEXT_CHARS))).toList();
    for (int i = 0; i < Math.min(20, sample.size()); i++) {
      search.search(new CandidateQuery(texts.get(i), null, 10, CandidateFilter.NONE));
    }
    Latencies textPlain = new Latencies();
    Latencies textFiltered = new Latencies();
    Latencies idPlain = new Latencies();
    Latencies idFiltered = new Latencies();
    for (int i = 0; i < sample.size(); i++) {
      Candidate c = sample.get(i);
      String text = texts.get(i);
      textPlain.time(() -> search.search(new CandidateQuery(text, null, 10, CandidateFilter.NONE)));
      textFiltered.time(() -> search.search(new CandidateQuery(text, null, 10,
          new CandidateFilter(null, c.majorGroup(), null, 5, null))));
      idPlain.time(() -> search.search(new CandidateQuery(null, c.id(), 10, CandidateFilter.NONE)));
      idFiltered.time(() -> search.search(new CandidateQuery(null, c.id(), 10,
          new CandidateFilter(c.onetCode(), null, null, null, null))));
    }
    Map<String, float[]> vectors = new HashMap<>();
    all.forEach(e -> pool.vector(e.id()).ifPresent(v -> vectors.put(e.id(), v)));
    double[] recall = new double[2];
    for (Candidate c : sample) {
      recall[0] += storeRecall(pool, all, vectors, c, null);
      recall[1] += storeRecall(pool, all, vectors, c, c.onetCode());
    }
    return new BenchReport.Candidates(pool.location(), pool.size(), sample.size(), BenchReport.Percentiles.of(textPlain),
        BenchReport.Percentiles.of(textFiltered), BenchReport.Percentiles.of(idPlain),
        BenchReport.Percentiles.of(idFiltered), recall[0] / sample.size(), recall[1] / sample.size());
  }

  /** The share of the exact top 10 (by the stored vectors, same occupation when given) that the store finds. */
  private static double storeRecall(CandidateStore pool, List<PooledCv> all, Map<String, float[]> vectors, Candidate c,
                                    String onetCode) {
    float[] q = vectors.get(c.id());
    List<String> exact = all.stream()
        .filter(e -> !e.id().equals(c.id()) && (onetCode == null || onetCode.equals(e.cv().onetCode())))
        .sorted(Comparator.comparingDouble((PooledCv e) -> -dot(q, vectors.get(e.id()))).thenComparing(PooledCv::id))
        .limit(10).map(PooledCv::id).toList();
    if (exact.isEmpty()) {
      return 1;
    }
    CandidateFilter filter = onetCode == null ? CandidateFilter.NONE : new CandidateFilter(onetCode, null, null, null, null);
    Set<String> found = new HashSet<>();
    pool.search(q, 10, filter, Set.of(c.id())).forEach(m -> found.add(m.entry().id()));
    return exact.stream().filter(found::contains).count() / (double) exact.size();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** recall@10 of HNSW against exact search on title vectors, asking HNSW for 10 and for the classifier's count. */
  private static BenchReport.Hnsw recall(Classifier classifier, Encoder encoder, List<String> titles) {
    VectorIndex vectors = classifier.index().vectors();
    int candidates = classifier.settings().candidates();
    List<String> sample = titles.subList(0, Math.min(500, titles.size()));
    List<float[]> encoded = encoder.encode(sample.stream().map(TitleNormalizer::forMatching).toList());
    double atK = 0;
    double atCandidates = 0;
    Latencies hnsw = new Latencies();
    Latencies exact = new Latencies();
    for (float[] q : encoded) {
      long t0 = System.nanoTime();
      Set<Integer> truth = docs(vectors.exactSearch(Fields.TITLE_VECTOR, q, 10));
      long t1 = System.nanoTime();
      List<Hit> wide = vectors.search(Fields.TITLE_VECTOR, q, candidates);
      long t2 = System.nanoTime();
      exact.add(t1 - t0);
      hnsw.add(t2 - t1);
      atK += overlap(truth, docs(vectors.search(Fields.TITLE_VECTOR, q, 10)));
      atCandidates += overlap(truth, docs(wide.subList(0, Math.min(10, wide.size()))));
    }
    return new BenchReport.Hnsw(encoded.size(), candidates, Figures.round(atCandidates / encoded.size() / 10),
        Figures.round(atK / encoded.size() / 10), Figures.round(hnsw.percentile(50)),
        Figures.round(exact.percentile(50)));
  }

  private static Set<Integer> docs(List<Hit> hits) {
    Set<Integer> docs = new HashSet<>();
    hits.forEach(h -> docs.add(h.doc()));
    return docs;
  }

  private static int overlap(Set<Integer> a, Set<Integer> b) {
    int n = 0;
    for (Integer x : b) {
      if (a.contains(x)) {
        n++;
      }
    }
    return n;
  }
}
