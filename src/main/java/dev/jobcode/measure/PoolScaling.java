package dev.jobcode.measure;

import dev.jobcode.corpus.Cv;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.PoolBulkWriter;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.PooledCv;
import dev.jobcode.index.VectorFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.VectorUtil;

/**
 * How candidate search grows with the pool ({@code bench --pool-sizes}): pools of any size made from
 * the real CV vectors of a pool ({@link PerturbedCopies}), written with the pool's own documents,
 * fields, writer settings and HNSW parameters, in each {@link VectorFormat}, and searched through the
 * pool's own search.
 *
 * <p>Steps:
 * <ol>
 *   <li>Read every CV of the pool with its vector: the sources.
 *   <li>Draw the held-out queries: copies of sources spread evenly over those with a major group
 *       (the filter of a filtered search is the source's major group).
 *   <li>For every size {@code N}: find each query's exact 10 nearest, without and with its filter, in
 *       one scan over the {@code N} vectors, each made again as it is needed.
 *   <li>For every format: write a pool of {@code N} CVs into a temporary folder (a copy of each
 *       source under its id, then further copies with ids {@code ID~1}, {@code ID~2}, …); open it
 *       alone, search with every query, and measure the heap.
 *   <li>Open the pools of every format, search with every query {@link #WARM_UP_ROUNDS} times to warm
 *       up, then {@link #TIMED_ROUNDS} times timed: query by query, each without and with its filter
 *       in every format in turn, so that a change in the machine's load touches all alike. Score
 *       recall@10 against step 3; measure the files; delete the folders.
 * </ol>
 *
 * <p>What copies are not: a real pool of that size. Two copies of one source are nearer to each
 * other (cosine 0.89 at the default sigma on e5-small-v2-q) than to the copies of any other source
 * (about 0.84 for its nearest real CV's), so once each source has ten copies (100,000 from the
 * default pool) a query's exact 10 nearest are all copies of its own source: a tight group that HNSW
 * finds at once, unlike the near ties of a real pool. The report says how many per size
 * ({@code own_source_share}). Build time, bytes and heap do not depend on it; search latency and
 * recall at those sizes are those of such clustered data.
 */
public final class PoolScaling {
  /**
   * Noise per dimension. On the default pool (e5-small-v2-q, 384 dimensions) a copy's cosine to its
   * source is then 0.94, as a real CV's to its nearest real CV (median 0.943), and the noise's total
   * variance (384 × 0.018²) about the pool's own spread around its mean (0.134). At 0.025 a copy
   * would be 0.90 from its source, hardly nearer than two random CVs of the pool are (0.87).
   */
  public static final double DEFAULT_SIGMA = 0.018;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_QUERIES = 200;
  public static final int K = 10;
  /** Passes over the queries, without and with the filter, before the searches are timed. */
  public static final int WARM_UP_ROUNDS = 3;
  /** Timed passes over the queries: each latency figure is over this many times the queries. */
  public static final int TIMED_ROUNDS = 3;
  /** The largest pool measured: 15 GB of float vectors. */
  public static final int MAX_SIZE = 10_000_000;

  /**
   * What to measure.
   *
   * @param sizes the pool sizes, in vectors
   * @param sigma the noise's standard deviation per dimension
   * @param formats the vector formats each size is written in, searched in this order
   */
  public record Plan(List<Integer> sizes, double sigma, long seed, int queries, List<VectorFormat> formats) {
    public Plan {
      sizes = List.copyOf(sizes);
      formats = List.copyOf(formats);
      if (formats.isEmpty() || new HashSet<>(formats).size() != formats.size()) {
        throw new IllegalArgumentException("the vector formats must be one or more, each once: " + formats);
      }
      if (sizes.isEmpty()) {
        throw new IllegalArgumentException("no pool sizes");
      }
      for (int n : sizes) {
        if (n < 1 || n > MAX_SIZE) {
          throw new IllegalArgumentException("a pool size must be 1.." + MAX_SIZE + ": " + n);
        }
      }
      if (!(sigma > 0) || !Double.isFinite(sigma)) {
        throw new IllegalArgumentException("sigma must be a positive number: " + sigma);
      }
      if (queries < 1) {
        throw new IllegalArgumentException("queries must be at least 1: " + queries);
      }
    }

    /** Every size in every format. */
    public Plan(List<Integer> sizes, double sigma, long seed, int queries) {
      this(sizes, sigma, seed, queries, List.of(VectorFormat.values()));
    }
  }

  private final CandidateStore pool;
  private final Plan plan;
  private final Consumer<String> progress;
  private final List<PooledCv> entries = new ArrayList<>();
  private final List<String> textHashes = new ArrayList<>();
  private final PerturbedCopies copies;
  private final float[][] queries;
  private final int[] querySources;
  private final String[] queryGroups;
  private final double copyCosine;
  private final double filterShare;

  private PoolScaling(CandidateStore pool, Plan plan, Consumer<String> progress) {
    this.pool = pool;
    this.plan = plan;
    this.progress = progress;
    List<float[]> vectors = new ArrayList<>();
    for (PooledCv e : pool.list()) {
      pool.vector(e.id()).ifPresent(v -> {
        entries.add(e);
        textHashes.add(CandidateStore.textHash(e.cv().text()));
        vectors.add(v);
      });
    }
    if (entries.isEmpty()) {
      throw new IndexException("the candidate pool at " + pool.location() + " holds no CV vectors to copy");
    }
    copies = new PerturbedCopies(vectors, plan.sigma(), plan.seed());
    List<Integer> grouped = new ArrayList<>();
    for (int s = 0; s < entries.size(); s++) {
      if (group(s) != null) {
        grouped.add(s);
      }
    }
    if (grouped.isEmpty()) {
      throw new IndexException("no CV of the candidate pool at " + pool.location()
          + " has a major group, which the filtered searches filter by");
    }
    queries = new float[plan.queries()][];
    querySources = new int[plan.queries()];
    queryGroups = new String[plan.queries()];
    double cosines = 0;
    double shares = 0;
    for (int j = 0; j < queries.length; j++) {
      int source = grouped.get((int) ((long) j * grouped.size() / queries.length));
      querySources[j] = source;
      queries[j] = copies.query(j, source);
      queryGroups[j] = group(source);
      cosines += VectorUtil.dotProduct(queries[j], copies.sourceVector(source));
      String g = queryGroups[j];
      shares += entries.stream().filter(e -> g.equals(e.cv().majorGroup())).count() / (double) entries.size();
    }
    copyCosine = cosines / queries.length;
    filterShare = shares / queries.length;
  }

  /**
   * Measures {@code plan} on copies of {@code pool}'s vectors, writing each pool below a new folder in
   * {@code tempRoot} that is deleted at the end; says what it is doing to {@code progress}.
   */
  public static PoolScalingReport run(CandidateStore pool, Plan plan, Path tempRoot, Consumer<String> progress)
      throws IOException {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(plan, "plan");
    return new PoolScaling(pool, plan, progress).run(tempRoot);
  }

  private PoolScalingReport run(Path tempRoot) throws IOException {
    long heapBefore = Heap.usedAfterGc();
    List<PoolScalingReport.Row> rows = new ArrayList<>();
    Path work = Files.createTempDirectory(Files.createDirectories(tempRoot), "jobcode-pool-sizes-");
    try {
      for (int n : plan.sizes()) {
        Truth truth = exact(n);
        say("%,d vectors: the exact %d nearest of %d queries in %.1f s; %.0f%% of them copies of the query's own "
            + "source", n, K, queries.length, truth.seconds, 100 * truth.ownSourceShare);
        rows.addAll(measure(n, truth, work));
      }
    } finally {
      IOUtils.rm(work);
    }
    PoolMeta meta = pool.meta();
    return new PoolScalingReport(pool.location(), meta.model().id(), meta.model().dimension(), entries.size(),
        plan.sigma(), plan.seed(), Figures.round(copyCosine), queries.length, K, "the query's source's major group",
        Figures.round(filterShare), meta.hnsw().m(), meta.hnsw().beamWidth(), heapBefore, rows);
  }

  /** A pool written in one format, and what its writing cost. */
  private record Built(VectorFormat format, Path dir, PoolBulkWriter.Written written, double buildSeconds,
                       long buildPeakHeap, long heapAfterGc) {}

  /**
   * Writes a pool of {@code n} in each format, then searches them all, query by query and format by
   * format within each query, so that a change in the machine's load touches every format alike.
   */
  private List<PoolScalingReport.Row> measure(int n, Truth truth, Path work) throws IOException {
    List<Built> pools = new ArrayList<>();
    for (VectorFormat format : plan.formats()) {
      pools.add(build(n, format, work.resolve(format.id() + "-" + n)));
    }
    long start = System.nanoTime();
    int formats = pools.size();
    Latencies[] plain = new Latencies[formats];
    Latencies[] filtered = new Latencies[formats];
    for (int f = 0; f < formats; f++) {
      plain[f] = new Latencies();
      filtered[f] = new Latencies();
    }
    double[][] recall = new double[formats][2];
    List<CandidatePool> opened = new ArrayList<>();
    try {
      for (Built b : pools) {
        opened.add(CandidatePool.openReadOnly(b.dir()));
      }
      for (int round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
        boolean timed = round >= WARM_UP_ROUNDS;
        for (int j = 0; j < queries.length; j++) {
          for (int f = 0; f < formats; f++) {
            CandidatePool pool = opened.get(f);
            int q = j;
            List<CandidateStore.Match> found = timed(timed ? plain[f] : null, () -> search(pool, q, false));
            List<CandidateStore.Match> foundFiltered = timed(timed ? filtered[f] : null, () -> search(pool, q, true));
            if (round == WARM_UP_ROUNDS) {
              recall[f][0] += recall(truth.plain.get(j), found);
              recall[f][1] += recall(truth.filtered.get(j), foundFiltered);
            }
          }
        }
      }
    } finally {
      opened.forEach(CandidatePool::close);
    }
    double measureSeconds = Figures.round((System.nanoTime() - start) / 1e9);
    say("%,d vectors: searched in %.1f s", n, measureSeconds);
    List<PoolScalingReport.Row> rows = new ArrayList<>();
    for (int f = 0; f < formats; f++) {
      Built b = pools.get(f);
      long vectorBytes = b.written().bytes(List.of(b.format().vectorExtension()));
      long graphBytes = b.written().bytes(List.of(VectorFormat.GRAPH_EXTENSION));
      rows.add(new PoolScalingReport.Row(b.format().id(), b.format().luceneName(), n, b.written().segments(),
          b.buildSeconds(), BuildBench.size(b.dir()), vectorBytes, graphBytes, vectorBytes + graphBytes,
          b.heapAfterGc(), b.buildPeakHeap(), BenchReport.Percentiles.of(plain[f]),
          BenchReport.Percentiles.of(filtered[f]), Figures.round(recall[f][0] / queries.length),
          Figures.round(recall[f][1] / queries.length), truth.ownSourceShare, truth.seconds, measureSeconds));
      IOUtils.rm(b.dir());
    }
    return rows;
  }

  /**
   * Writes the pool of {@code n} in {@code format} into {@code dir}, timing the writer's work (not the
   * making of the vectors); then opens it alone, searches with every query, and measures the heap.
   */
  private Built build(int n, VectorFormat format, Path dir) {
    Heap.usedAfterGc();
    resetHeapPeaks();
    long building = 0;
    PoolBulkWriter.Written written;
    try (PoolBulkWriter writer = PoolBulkWriter.create(dir, pool.meta().model(), pool.meta().hnsw(), format)) {
      for (int i = 0; i < n; i++) {
        PooledCv entry = entry(i);
        float[] vector = copies.vector(i);
        String hash = textHash(i);
        long t = System.nanoTime();
        writer.add(entry, vector, hash);
        building += System.nanoTime() - t;
      }
      long t = System.nanoTime();
      written = writer.finish();
      building += System.nanoTime() - t;
    }
    long buildPeak = Heap.peak();
    double buildSeconds = Figures.round(building / 1e9);
    say("%s, %,d vectors: built in %.1f s, %d segment%s", format.id(), n, buildSeconds, written.segments(),
        written.segments() == 1 ? "" : "s");
    long heap;
    try (CandidatePool built = CandidatePool.openReadOnly(dir)) {
      for (int j = 0; j < queries.length; j++) {
        search(built, j, false);
        search(built, j, true);
      }
      heap = Heap.usedAfterGc();
    }
    return new Built(format, dir, written, buildSeconds, buildPeak, heap);
  }

  private List<CandidateStore.Match> search(CandidatePool built, int j, boolean filtered) {
    CandidateFilter filter = filtered ? new CandidateFilter(null, queryGroups[j], null, null, null) : CandidateFilter.NONE;
    return built.search(queries[j], K, filter, Set.of());
  }

  /** Runs {@code call}, adding its duration to {@code latencies} unless that is null (a warm-up). */
  private static <T> T timed(Latencies latencies, Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    if (latencies != null) {
      latencies.add(System.nanoTime() - start);
    }
    return result;
  }

  /** The share of {@code exact} found; 1 when there was nothing to find (a filter no CV of a small pool passes). */
  private static double recall(Set<String> exact, List<CandidateStore.Match> found) {
    if (exact.isEmpty()) {
      return 1;
    }
    Set<String> ids = new HashSet<>();
    found.forEach(m -> ids.add(m.entry().id()));
    return exact.stream().filter(ids::contains).count() / (double) exact.size();
  }

  /**
   * Each query's exact top {@link #K} ids, without and with its filter; the share of the unfiltered
   * ones that are copies of the query's own source; the scan's seconds.
   */
  private record Truth(List<Set<String>> plain, List<Set<String>> filtered, double ownSourceShare, double seconds) {}

  private Truth exact(int n) {
    long start = System.nanoTime();
    TopK[] plain = new TopK[queries.length];
    TopK[] filtered = new TopK[queries.length];
    for (int j = 0; j < queries.length; j++) {
      plain[j] = new TopK(K);
      filtered[j] = new TopK(K);
    }
    for (int i = 0; i < n; i++) {
      float[] v = copies.vector(i);
      String group = group(copies.source(i));
      for (int j = 0; j < queries.length; j++) {
        float score = VectorUtil.dotProduct(queries[j], v);
        plain[j].offer(i, score);
        if (queryGroups[j].equals(group)) {
          filtered[j].offer(i, score);
        }
      }
    }
    List<Set<String>> plainIds = new ArrayList<>();
    List<Set<String>> filteredIds = new ArrayList<>();
    double own = 0;
    for (int j = 0; j < queries.length; j++) {
      plainIds.add(ids(plain[j]));
      filteredIds.add(ids(filtered[j]));
      for (int s = 0; s < plain[j].size; s++) {
        own += copies.source(plain[j].items[s]) == querySources[j] ? 1.0 / plain[j].size : 0;
      }
    }
    return new Truth(plainIds, filteredIds, Figures.round(own / queries.length),
        Figures.round((System.nanoTime() - start) / 1e9));
  }

  private Set<String> ids(TopK top) {
    Set<String> ids = new HashSet<>();
    for (int s = 0; s < top.size; s++) {
      ids.add(id(top.items[s]));
    }
    return ids;
  }

  /**
   * The best {@code k} of the items offered, by score; of equal scores the one offered first (items
   * are offered in increasing order, so the lower number).
   */
  private static final class TopK {
    final int[] items;
    final float[] scores;
    int size;
    int worst;   // the slot of the lowest score once full

    TopK(int k) {
      items = new int[k];
      scores = new float[k];
    }

    void offer(int item, float score) {
      if (size < items.length) {
        items[size] = item;
        scores[size++] = score;
        if (size == items.length) {
          findWorst();
        }
      } else if (score > scores[worst]) {
        items[worst] = item;
        scores[worst] = score;
        findWorst();
      }
    }

    private void findWorst() {
      worst = 0;
      for (int s = 1; s < size; s++) {
        if (scores[s] < scores[worst] || scores[s] == scores[worst] && items[s] > items[worst]) {
          worst = s;
        }
      }
    }
  }

  private String group(int source) {
    return entries.get(source).cv().majorGroup();
  }

  /** The id of pool vector {@code i}: its source's, with {@code ~copy} from the second copy on. */
  private String id(int i) {
    String id = entries.get(copies.source(i)).id();
    return copies.copy(i) == 0 ? id : id + "~" + copies.copy(i);
  }

  /** The CV of pool vector {@code i}: its source's CV, under the copy's id. */
  private PooledCv entry(int i) {
    PooledCv source = entries.get(copies.source(i));
    if (copies.copy(i) == 0) {
      return source;
    }
    Cv cv = source.cv();
    Cv copy = new Cv(id(i), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(), cv.level(),
        cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text());
    return new PooledCv(copy, source.inferred(), source.addedAt(), source.source(), source.skillsFound());
  }

  /** A hash unique to pool vector {@code i}, as a CV with a text of its own would have. */
  private String textHash(int i) {
    String hash = textHashes.get(copies.source(i));
    return copies.copy(i) == 0 ? hash : CandidateStore.textHash(hash + "~" + copies.copy(i));
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean heapPool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (heapPool.getType() == MemoryType.HEAP) {
        heapPool.resetPeakUsage();
      }
    }
  }

  private void say(String format, Object... args) {
    progress.accept(String.format(Locale.ROOT, format, args));
  }
}
