package dev.jobcode.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.classify.CandidateQuery;
import dev.jobcode.classify.CandidateSearch;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.TitleNormalizer;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidateIndex;
import dev.jobcode.index.Fields;
import dev.jobcode.index.Hit;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import dev.jobcode.table.Table;
import dev.jobcode.index.IndexMeta;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jobcode bench}: measures, in one run on the real index and model, after warm-up: the raw
 * encoder, classify in process and over HTTP (single, batch, and concurrent single-title clients),
 * HNSW recall and latency against exact search, candidate search, index build against pure
 * encoding, index size and peak heap; optionally the peer. Prints a table; {@code --out} writes the
 * JSON, whose {@code ratios} relate each layer to the one below it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure encoder, classify (in-process and HTTP), HNSW recall, candidate search and index build "
        + "on the real index, in one run; print a table and write JSON.")
final class BenchCommand implements Callable<Integer> {
  private static final int BATCH = 32;
  private static final int ROUNDS = 3;
  static final int CONCURRENT_CLIENTS = 16;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "--queries", paramLabel = "FILE",
      description = "CSV of titles, first column (default: ../shared/data/eval/raw-titles-unlabelled.csv)")
  Path queries;

  @Option(names = "--onet", paramLabel = "DIR",
      description = "O*NET folder for the build measurement (default: the one the index was built from)")
  Path onet;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the report as JSON")
  Path out;

  @Option(names = "--quick", description = "a short run: 256 titles, a 20-occupation build, 50 candidate queries")
  boolean quick;

  @Option(names = "--peer", description = "also run the peer (../shared/bench/peer-js/run.sh; needs node) on the same titles")
  boolean peer;

  @Override
  public Integer call() throws Exception {
    Path titlesFile = queries != null ? queries : Defaults.rawTitles();
    List<String> titles = titles(titlesFile, quick ? 256 : Integer.MAX_VALUE);
    ObjectNode report = Json.MAPPER.createObjectNode();
    report.put("titles", titles.size());
    try (Engine opened = engine.open()) {
      Encoder encoder = opened.encoder();
      Classifier classifier = opened.classifier();
      report.put("model", encoder.model().id());
      ObjectNode enc = report.putObject("encoder");
      ObjectNode cls = report.putObject("classify");
      ObjectNode http = report.putObject("http");
      JobcodeServer app = JobcodeServer.create(classifier, ServerSettings.DEFAULT).start("127.0.0.1", 0);
      try {
        HttpBench client = new HttpBench(app.port());
        warmUp(encoder, classifier, client, titles);
        // Latencies interleaved title by title, so that a change in the machine's load touches
        // the three layers alike and their ratios hold.
        Latencies encoderSingle = new Latencies();
        Latencies classifySingle = new Latencies();
        Latencies httpSingle = new Latencies();
        for (String t : titles) {
          timeOne(encoderSingle, () -> encoder.encode(t));
          timeOne(classifySingle, () -> classifier.classify(Query.of(t)));
          timeOne(httpSingle, () -> client.classify(t));
        }
        put(enc, "single", encoderSingle);
        put(cls, "single", classifySingle);
        put(http, "single", httpSingle);
        // Throughputs: ROUNDS rounds of the four, each figure the median of its rounds.
        double[][] rounds = new double[4][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
          rounds[0][r] = throughput(titles, encoder::encode);
          rounds[1][r] = throughput(titles, batch -> classifier.classifyAll(batch.stream().map(Query::of).toList()));
          rounds[2][r] = throughput(titles, client::batch);
          rounds[3][r] = client.concurrentSingles(titles, CONCURRENT_CLIENTS);
        }
        enc.put("batch_titles_per_s", median(rounds[0]));
        cls.put("batch_titles_per_s", median(rounds[1]));
        http.put("batch_titles_per_s", median(rounds[2]));
        http.put("concurrent_clients", CONCURRENT_CLIENTS);
        http.put("concurrent_single_titles_per_s", median(rounds[3]));
        report.put("rounds", ROUNDS);
      } finally {
        app.stop();
      }

      report.set("hnsw", recall(classifier, encoder, titles));
      if (classifier.index().candidates().isPresent()) {
        report.set("candidates", candidates(CandidateSearch.of(classifier),
            classifier.index().candidates().get(), quick ? 50 : 200));
      }
      IndexMeta meta = classifier.index().meta();
      ObjectNode index = report.putObject("index");
      index.put("path", classifier.index().dir().toString());
      index.put("size_bytes", BuildBench.size(classifier.index().dir()));
      index.put("build_seconds", meta.buildSeconds());
      Path onetDir = onet != null ? onet : Path.of(meta.taxonomy().source());
      report.set("build", BuildBench.run(onetDir, encoder, meta.hnsw(), quick ? 20 : 150));

      ObjectNode ratios = report.putObject("ratios");
      ratios.put("classify_single_p50_vs_encoder", ratio(cls.get("single_p50_ms").asDouble(), enc.get("single_p50_ms").asDouble()));
      ratios.put("classify_batch_vs_encoder", ratio(cls.get("batch_titles_per_s").asDouble(), enc.get("batch_titles_per_s").asDouble()));
      ratios.put("http_single_p50_vs_encoder", ratio(http.get("single_p50_ms").asDouble(), enc.get("single_p50_ms").asDouble()));
      ratios.put("http_single_p50_vs_classify", ratio(http.get("single_p50_ms").asDouble(), cls.get("single_p50_ms").asDouble()));
      ratios.put("http_batch_vs_encoder", ratio(http.get("batch_titles_per_s").asDouble(), enc.get("batch_titles_per_s").asDouble()));
      ratios.put("http_batch_vs_classify", ratio(http.get("batch_titles_per_s").asDouble(), cls.get("batch_titles_per_s").asDouble()));
      ratios.put("http_concurrent_vs_encoder_batch", ratio(http.get("concurrent_single_titles_per_s").asDouble(),
          enc.get("batch_titles_per_s").asDouble()));
      ratios.put("build_vs_encoding", report.get("build").get("build_vs_encoding").asDouble());
      report.put("hnsw_recall_at_10", report.get("hnsw").get("recall_at_10").asDouble());
      if (peer) {
        ObjectNode peerNode = PeerBench.run(Defaults.home().resolve("../shared/bench/peer-js/run.sh").normalize(), titlesFile);
        report.set("peer", peerNode);
        if (peerNode.has("classify_single_p50_ms")) {
          ratios.put("classify_single_p50_vs_peer", ratio(cls.get("single_p50_ms").asDouble(),
              peerNode.get("classify_single_p50_ms").asDouble()));
          ratios.put("classify_batch_vs_peer_embedding", ratio(cls.get("batch_titles_per_s").asDouble(),
              peerNode.get("embed_batch32_titles_per_s").asDouble()));
        }
      }
      report.put("peak_heap_bytes", peakHeap());
    }
    System.out.print(BenchTable.render(report));
    if (out != null) {
      Json.write(out, report);
      System.out.println("JSON: " + out);
    }
    return 0;
  }

  /** The most the heap held at once in this run (sum of the heap pools' peaks). */
  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Distinct titles from the first column of {@code file}, in file order, at most {@code limit}. */
  static List<String> titles(Path file, int limit) {
    Table table = Table.read(file);
    Set<String> unique = new LinkedHashSet<>();
    for (Table.Row row : table.rows()) {
      String t = row.values().get(0).strip();
      if (!t.isEmpty() && t.length() <= Query.MAX_TITLE_CHARS) {
        unique.add(t);
      }
    }
    List<String> list = new ArrayList<>(unique);
    return list.subList(0, Math.min(list.size(), limit));
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
    java.util.Arrays.sort(sorted);
    return round(sorted[sorted.length / 2]);
  }

  private static double throughput(List<String> titles, Consumer<List<String>> call) {
    long start = System.nanoTime();
    for (int from = 0; from < titles.size(); from += BATCH) {
      call.accept(titles.subList(from, Math.min(from + BATCH, titles.size())));
    }
    return round(titles.size() / ((System.nanoTime() - start) / 1e9));
  }

  /**
   * Candidate search latency, k = 10: by a CV's text (encoding included) and by id (search only),
   * each without a filter and with one (same major group and at least 5 years; by id, the same
   * occupation: a selective filter).
   */
  private static ObjectNode candidates(CandidateSearch search, CandidateIndex index, int n) {
    List<Candidate> sample = index.candidates().stream().filter(c -> c.onetCode() != null).limit(n).toList();
    List<String> texts = sample.stream().map(c -> index.cv(c).text()).toList();
    for (int i = 0; i < Math.min(20, sample.size()); i++) {
      search.search(new CandidateQuery(CandidatesCommand.truncate(texts.get(i), CandidateQuery.MAX_TEXT_CHARS), null, 10,
          CandidateFilter.NONE));
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("count", index.size()).put("queries", sample.size());
    Latencies textPlain = new Latencies();
    Latencies textFiltered = new Latencies();
    Latencies idPlain = new Latencies();
    Latencies idFiltered = new Latencies();
    for (int i = 0; i < sample.size(); i++) {
      Candidate c = sample.get(i);
      String text = CandidatesCommand.truncate(texts.get(i), CandidateQuery.MAX_TEXT_CHARS);
      timeOne(textPlain, () -> search.search(new CandidateQuery(text, null, 10, CandidateFilter.NONE)));
      timeOne(textFiltered, () -> search.search(new CandidateQuery(text, null, 10,
          new CandidateFilter(null, c.majorGroup(), null, 5, null))));
      timeOne(idPlain, () -> search.search(new CandidateQuery(null, c.id(), 10, CandidateFilter.NONE)));
      timeOne(idFiltered, () -> search.search(new CandidateQuery(null, c.id(), 10,
          new CandidateFilter(c.onetCode(), null, null, null, null))));
    }
    put(node, "by_text", textPlain);
    put(node, "by_text_filtered", textFiltered);
    put(node, "by_id", idPlain);
    put(node, "by_id_filtered", idFiltered);
    return node;
  }

  private static void timeOne(Latencies l, Runnable call) {
    long start = System.nanoTime();
    call.run();
    l.add(System.nanoTime() - start);
  }

  /** recall@10 of HNSW against exact search on title vectors, asking HNSW for 10 and for the classifier's count. */
  private static ObjectNode recall(Classifier classifier, Encoder encoder, List<String> titles) {
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
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("queries", encoded.size());
    node.put("candidates", candidates);
    node.put("recall_at_10", round(atCandidates / encoded.size() / 10));
    node.put("recall_at_10_asking_10", round(atK / encoded.size() / 10));
    node.put("hnsw_p50_ms", round(hnsw.percentile(50)));
    node.put("exact_p50_ms", round(exact.percentile(50)));
    return node;
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

  private static void put(ObjectNode node, String name, Latencies l) {
    node.put(name + "_p50_ms", round(l.percentile(50)));
    node.put(name + "_p99_ms", round(l.percentile(99)));
  }

  private static double ratio(double a, double b) {
    return round(a / b);
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
