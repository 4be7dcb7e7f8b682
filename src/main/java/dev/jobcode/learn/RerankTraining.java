package dev.jobcode.learn;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.Reranker;
import dev.jobcode.classify.TitleNormalizer;
import dev.jobcode.index.Label;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.json.Json;
import dev.jobcode.taxonomy.TextKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the re-ranker on O*NET's own titles, leave-one-out: each sampled alternate or reported
 * title becomes a query, made noisy by {@link TitleNoise}, ranked with that document left out of the
 * index (its vector, its words, its share of a centroid: it cannot find itself), and the occupations
 * it belongs to are the right answers. A share of the queries keeps its document, as a title that
 * O*NET lists is asked for as it is. A share of the sampled titles is kept apart to stop training
 * and to report on; nothing else is read.
 */
public final class RerankTraining {
  /**
   * @param queries title documents sampled as queries
   * @param seed the sample's, the noise's and XGBoost's seed
   * @param rounds most boosting rounds (training stops earlier when the held-out part stops gaining)
   * @param tuneShare share of the queries kept apart
   * @param knownShare share of the queries whose document stays in the index
   */
  public record Settings(int queries, long seed, int rounds, double tuneShare, double knownShare) {
    /** The defaults of {@code rerank train}, constants so that its options can show them. */
    public static final int QUERIES = 40_000;
    public static final long SEED = 42;
    public static final int ROUNDS = 400;
    public static final double TUNE_SHARE = 0.1;
    public static final double KNOWN_SHARE = 0.2;
  }

  /**
   * One query: the noisy title, the occupations of its document, whether that document is left out of
   * the index, and which part the query is in.
   */
  public record Example(int doc, String source, String title, Set<String> codes, boolean leftOut, boolean tune) {
    Set<Integer> excludedDocs() {
      return leftOut ? Set.of(doc) : Set.of();
    }
  }

  /** Top-1 on the held-out queries, by the vote and by the re-ranker, and how often the answer was a candidate at all. */
  public record Report(int trainQueries, int tuneQueries, int skipped, double recallAtCandidates, double voteTop1,
                       double rerankTop1, int rounds) {}

  public record Result(Booster booster, Report report) {}

  private static final int BATCH = 256;
  /**
   * More vote never makes an occupation worse, all else equal: the vote's own features are
   * monotone, so the trees can add to the vote's ordering but not turn it upside down.
   */
  private static final String MONOTONE = monotone(Map.of("share", 1, "log_share", 1, "rank", -1, "share_of_top", 1,
      "vote", 1));
  private static final int EARLY_STOP = 30;

  private final Classifier classifier;
  private final Settings settings;

  public RerankTraining(Classifier classifier, Settings settings) {
    this.classifier = classifier;
    this.settings = settings;
  }

  /**
   * The sampled queries, in a fixed order for a seed: alternate and reported titles of at most three
   * occupations (an occupation's own title is what its other titles are compared with, so it stays).
   */
  public List<Example> examples() {
    VectorIndex vectors = classifier.index().vectors();
    List<Integer> docs = new ArrayList<>();
    for (int doc = 0; doc < vectors.size(); doc++) {
      List<Label> labels = vectors.labels(doc);
      if (!labels.isEmpty() && labels.size() <= 3
          && labels.stream().allMatch(l -> l.kind().titleLike() && l.kind() != TextKind.TITLE)) {
        docs.add(doc);
      }
    }
    Collections.shuffle(docs, new Random(settings.seed()));
    TitleNoise noise = new TitleNoise(new Random(settings.seed() + 1));
    Random known = new Random(settings.seed() + 2);
    int n = Math.min(settings.queries(), docs.size());
    int tune = (int) Math.round(n * settings.tuneShare());
    List<Example> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int doc = docs.get(i);
      Set<String> codes = new TreeSet<>();
      vectors.labels(doc).forEach(l -> codes.add(l.code()));
      String source = vectors.text(doc);
      examples.add(new Example(doc, source, noise.apply(source), codes, known.nextDouble() >= settings.knownShare(),
          i < tune));
    }
    return examples;
  }

  /** Each example's candidates and features, as the classifier would rank its title without its document. */
  public List<Classifier.RerankInput> inputs(List<Example> examples, ProgressListener progress) {
    List<Classifier.RerankInput> inputs = new ArrayList<>(examples.size());
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      for (int from = 0; from < examples.size(); from += BATCH) {
        List<Example> batch = examples.subList(from, Math.min(examples.size(), from + BATCH));
        List<float[]> vectors = classifier.encoder().encode(
            batch.stream().map(e -> TitleNormalizer.forMatching(e.title())).toList());
        inputs.addAll(pool.submit(() -> IntStream.range(0, batch.size()).parallel()
            .mapToObj(i -> classifier.rerankInput(batch.get(i).title(), vectors.get(i), batch.get(i).excludedDocs()))
            .toList()).join());
        progress.progress(inputs.size(), examples.size());
      }
    } finally {
      pool.shutdown();
    }
    return inputs;
  }

  /** Trains on the examples' non-held-out part; stops when the held-out part's NDCG@1 stops rising. */
  public Result train(List<Example> examples, List<Classifier.RerankInput> inputs) {
    Part train = new Part();
    Part tune = new Part();
    int skipped = 0;
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      Classifier.RerankInput input = inputs.get(i);
      boolean found = input.codes().stream().anyMatch(e.codes()::contains);
      (e.tune() ? tune : train).add(input, e.codes(), found);
      if (!found && !e.tune()) {
        skipped++;
      }
    }
    try {
      DMatrix trainMatrix = train.matrix();
      DMatrix tuneMatrix = tune.matrix();
      int rounds = bestRounds(trainMatrix, tuneMatrix);
      // Trained again for exactly that many rounds (the same seed gives the same trees), so the
      // file holds no tree past the best.
      Booster booster = XGBoost.train(trainMatrix, parameters(), rounds, Map.of(), null, null);
      booster.setAttr(Reranker.FEATURES_ATTRIBUTE, String.join(",", Reranker.featureNames()));
      booster.setAttr("jobcode_recipe", recipe(train.queries, tune.queries));
      float[][] tuneScores = booster.predict(tuneMatrix, true, 0);
      Report report = new Report(train.queries, tune.queries, skipped, tune.found / (double) tune.queries,
          tune.voteTop1 / (double) tune.queries, tune.top1(tuneScores) / (double) tune.queries, rounds);
      trainMatrix.dispose();
      tuneMatrix.dispose();
      return new Result(booster, report);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
    }
  }

  /**
   * How many rounds the held-out part's NDCG@1 rises for: boosting one round at a time, stopping
   * {@value #EARLY_STOP} rounds after the best (quietly: XGBoost's own early stopping prints every round).
   */
  private int bestRounds(DMatrix train, DMatrix tune) throws XGBoostError {
    Booster booster = XGBoost.train(train, parameters(), 0, Map.of(), null, null);
    double best = Double.NEGATIVE_INFINITY;
    int bestRound = 0;
    for (int round = 0; round < settings.rounds() && round - bestRound <= EARLY_STOP; round++) {
      booster.update(train, round);
      String line = booster.evalSet(new DMatrix[] {tune}, new String[] {"tune"}, round);
      double ndcg = Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).strip());
      if (ndcg > best) {
        best = ndcg;
        bestRound = round;
      }
    }
    booster.dispose();
    return bestRound + 1;
  }

  /** LambdaMART on NDCG, the seed fixed and two threads, so a run gives the same model. */
  private Map<String, Object> parameters() {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "rank:ndcg");
    p.put("eval_metric", "ndcg@1");
    p.put("tree_method", "hist");
    p.put("eta", 0.05);
    p.put("max_depth", 3);
    p.put("monotone_constraints", MONOTONE);
    p.put("min_child_weight", 10);
    p.put("subsample", 0.8);
    p.put("colsample_bytree", 0.8);
    p.put("seed", (int) settings.seed());
    p.put("nthread", 2);
    p.put("verbosity", 0);   // its round-by-round lines would bury the report
    return p;
  }

  private static String monotone(Map<String, Integer> directions) {
    return Reranker.featureNames().stream().map(f -> String.valueOf(directions.getOrDefault(f, 0)))
        .collect(java.util.stream.Collectors.joining(",", "(", ")"));
  }

  private String recipe(int trainQueries, int tuneQueries) {
    Map<String, Object> recipe = new LinkedHashMap<>();
    recipe.put("taxonomy", classifier.index().meta().taxonomy().name() + " "
        + classifier.index().meta().taxonomy().version());
    recipe.put("model", classifier.encoder().model().id());
    recipe.put("queries", settings.queries());
    recipe.put("seed", settings.seed());
    recipe.put("tune_share", settings.tuneShare());
    recipe.put("known_share", settings.knownShare());
    recipe.put("train_queries", trainQueries);
    recipe.put("tune_queries", tuneQueries);
    recipe.put("parameters", new java.util.TreeMap<>(parameters()));
    return Json.pretty(recipe);
  }

  /** Rows, labels and query groups of one part; groups whose answer is no candidate are left out of training. */
  private static final class Part {
    final List<float[]> rows = new ArrayList<>();
    final List<Float> labels = new ArrayList<>();
    final List<Integer> groups = new ArrayList<>();
    final List<boolean[]> right = new ArrayList<>();
    int queries;
    int found;
    int voteTop1;

    void add(Classifier.RerankInput input, Set<String> codes, boolean inCandidates) {
      queries++;
      if (!inCandidates) {
        return;
      }
      found++;
      boolean[] isRight = new boolean[input.codes().size()];
      for (int r = 0; r < input.codes().size(); r++) {
        isRight[r] = codes.contains(input.codes().get(r));
        rows.add(input.rows()[r]);
        labels.add(isRight[r] ? 1f : 0f);
      }
      if (isRight[0]) {
        voteTop1++;
      }
      groups.add(input.codes().size());
      right.add(isRight);
    }

    DMatrix matrix() throws XGBoostError {
      float[] y = new float[labels.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = labels.get(i);
      }
      DMatrix m = Reranker.matrix(rows);
      m.setLabel(y);
      m.setGroup(groups.stream().mapToInt(Integer::intValue).toArray());
      return m;
    }

    /** Groups whose best-scored row is a right one (ties: the vote's order). */
    int top1(float[][] scores) {
      int at = 0;
      int hits = 0;
      for (int g = 0; g < groups.size(); g++) {
        int best = 0;
        for (int r = 1; r < groups.get(g); r++) {
          if (scores[at + r][0] > scores[at + best][0]) {
            best = r;
          }
        }
        if (right.get(g)[best]) {
          hits++;
        }
        at += groups.get(g);
      }
      return hits;
    }
  }
}
