package dev.jobcode.classify;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.Fields;
import dev.jobcode.index.Hit;
import dev.jobcode.index.Label;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.skills.SkillMatch;
import dev.jobcode.taxonomy.ItOccupations;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OnetCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks occupations for job titles. Thread-safe.
 *
 * <p>For each query: (1) the title, stripped of seniority words, and the description, if any, are
 * encoded in one encoder call with the rest of the batch; (2) the title vector searches the title
 * documents (titles, alternate and reported titles) and the description vector searches the
 * descriptive documents (descriptions, tasks), each channel asking HNSW for
 * {@link ClassifierSettings#candidates()} neighbours; (3) each channel scores occupations by the
 * query's {@link Mode}; (4) with a description, the two channels are mixed by
 * {@link ClassifierSettings#descriptionWeight()}; (5) the top k occupations, ties broken by code,
 * get their best-matching documents as evidence.
 */
public final class Classifier {
  private final OnetIndex index;
  private final VectorIndex vectors;
  private final Encoder encoder;
  private final ClassifierSettings settings;
  private final CompletableFuture<IndexTables> tables;
  private final Optional<Reranker> reranker;
  private final AnswerCache answers;
  private volatile RerankFeatures features;   // built when first needed: the vote alone never needs it

  public Classifier(OnetIndex index, Encoder encoder, ClassifierSettings settings) {
    this(index, encoder, settings, Optional.empty());
  }

  /** With a learned re-ranker of the vote's best occupations for titles ({@link Reranker}). */
  public Classifier(OnetIndex index, Encoder encoder, ClassifierSettings settings, Optional<Reranker> reranker) {
    this(index, encoder, settings, reranker, AnswerCache.off());
  }

  /** With a re-ranker (or none) and a cache of the answers to repeated queries ({@link AnswerCache}). */
  public Classifier(OnetIndex index, Encoder encoder, ClassifierSettings settings, Optional<Reranker> reranker,
                    AnswerCache answers) {
    this(index, CompletableFuture.completedFuture(IndexTables.of(index.vectors())), encoder, settings, reranker,
        answers);
  }

  /**
   * With the tables of {@code index} still being computed ({@link IndexTables#computing}), so that a
   * start answers before they are done: the first call that needs them waits for them.
   */
  public Classifier(OnetIndex index, CompletableFuture<IndexTables> tables, Encoder encoder,
                    ClassifierSettings settings, Optional<Reranker> reranker, AnswerCache answers) {
    this.tables = Objects.requireNonNull(tables, "tables");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.index = Objects.requireNonNull(index, "index");
    this.reranker = Objects.requireNonNull(reranker, "reranker");
    this.vectors = index.vectors();
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (reranker.isPresent()) {
      features();   // at open, not on the first title
    }
  }

  /** The index's tables, once computed; a failure to compute them is thrown here, to every caller. */
  private IndexTables tables() {
    try {
      return tables.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Waits until the index's tables are computed (a start, once it answers), or throws what stopped them. */
  public void awaitTables() {
    tables();
  }

  /** The re-ranker's feature builder; its word tables cost a pass over every title, so only a re-ranker pays it. */
  private RerankFeatures features() {
    RerankFeatures built = features;
    if (built == null) {
      synchronized (this) {   // once; titles ranked in parallel then read the field without a lock
        built = features;
        if (built == null) {
          IndexTables t = tables();
          built = new RerankFeatures(index, t.ownTitleVectors(), t.titleCentroids(), t.textCentroids(), settings.voters());
          features = built;
        }
      }
    }
    return built;
  }

  public OnetIndex index() {
    return index;
  }

  public Encoder encoder() {
    return encoder;
  }

  public ClassifierSettings settings() {
    return settings;
  }

  /** The learned re-ranker that orders titles' occupations, if this classifier has one. */
  public Optional<Reranker> reranker() {
    return reranker;
  }

  /**
   * How this classifier orders occupations in {@code mode}, for what people read: "vote", or "vote +
   * re-ranker d1b63dfe" (the first eight hex digits of its file's sha256) when the re-ranker orders titles.
   */
  public String ordering(Mode mode) {
    return reranker.isPresent() && mode == Mode.VOTE
        ? mode.id() + " + re-ranker " + reranker.get().sha256().substring(0, 8) : mode.id();
  }

  /** The cache of answers to repeated queries (maybe {@link AnswerCache#off}). */
  public AnswerCache answerCache() {
    return answers;
  }

  /**
   * A classifier of another index (a swap) with this one's encoder, settings and re-ranker, and an
   * empty answer cache of the same size: no answer of this index is served from the other.
   */
  public Classifier withIndex(OnetIndex other) {
    return new Classifier(other, encoder, settings, reranker, answers.fresh());
  }

  /** This classifier with another re-ranker, or none: the same index, encoder and settings, and an empty answer cache. */
  public Classifier withReranker(Optional<Reranker> other) {
    return new Classifier(index, tables, encoder, settings, other, answers.fresh());
  }

  /** This classifier with another answer cache ({@link AnswerCache#off} for none): the same index, encoder, settings and re-ranker. */
  public Classifier withAnswerCache(AnswerCache other) {
    return new Classifier(index, tables, encoder, settings, reranker, other);
  }

  public Classification classify(Query query) {
    return classifyAll(List.of(query)).get(0);
  }

  /**
   * Classifies many queries with one encoder call: results in the same order. A query answered before
   * (the {@link AnswerCache}) or repeated within the batch is answered once; the answer is the same
   * either way, as ranking is deterministic.
   */
  public List<Classification> classifyAll(List<Query> queries) {
    Classification[] out = new Classification[queries.size()];
    Map<Query, List<Integer>> todo = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      Query q = queries.get(i);
      List<Integer> slots = todo.get(q);
      if (slots != null) {
        answers.countRepeat();
        slots.add(i);
        continue;
      }
      Optional<Classification> known = answers.get(q);
      if (known.isPresent()) {
        out[i] = known.get();
      } else {
        todo.computeIfAbsent(q, key -> new ArrayList<>()).add(i);
      }
    }
    if (!todo.isEmpty()) {
      List<Query> fresh = List.copyOf(todo.keySet());
      List<Classification> ranked = answerAll(fresh);
      for (int j = 0; j < fresh.size(); j++) {
        Classification answer = ranked.get(j);
        answers.put(answer);
        for (int slot : todo.get(fresh.get(j))) {
          out[slot] = answer;
        }
      }
    }
    return List.of(out);
  }

  /** Encodes and ranks the queries, all different, with one encoder call. */
  private List<Classification> answerAll(List<Query> queries) {
    List<String> texts = new ArrayList<>();
    for (Query q : queries) {
      // A text alone has no title: its slot gets a placeholder whose vector is never used.
      texts.add(q.textOnly() ? "-" : TitleNormalizer.forMatching(q.title()));
    }
    List<Integer> descriptionSlot = new ArrayList<>();
    for (Query q : queries) {
      descriptionSlot.add(q.descriptionIfAny().isPresent() ? texts.size() : -1);
      q.descriptionIfAny().ifPresent(texts::add);
    }
    List<float[]> encoded = encoder.encode(texts);
    IntFunction<Classification> rankOne = i -> {
      int slot = descriptionSlot.get(i);
      return rank(queries.get(i), encoded.get(i), slot < 0 ? null : encoded.get(slot));
    };
    if (queries.size() == 1) {
      return List.of(rankOne.apply(0));
    }
    // The encoder used every core; ranking (HNSW search and vote) is per query and independent, so
    // a batch ranks on every core too. In a pool of our own: a parallel stream would use the JVM's
    // common pool, which anything else in the process may be blocking (it has one thread on 2 cores).
    return RANKING.submit(() -> IntStream.range(0, queries.size()).parallel().mapToObj(rankOne).toList()).join();
  }

  /** Ranks the queries of a batch, one thread per core; its threads are daemons and idle ones exit. */
  static final ForkJoinPool RANKING = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  private Classification rank(Query query, float[] titleVector, float[] descriptionVector) {
    if (query.textOnly()) {
      return rankText(query, descriptionVector);
    }
    TitleChannel title = titleChannel(query.mode(), query.title(), titleVector, Set.of());
    List<Hit> titleHits = title.hits();
    // The re-ranker learned titles alone; a title with a description keeps the vote's mix.
    Map<String, Double> scores = reranker.isPresent() && query.mode() == Mode.VOTE && descriptionVector == null
        ? rerank(query.title(), titleVector, title, reranker.get()) : title.scores();
    List<Hit> evidence = new ArrayList<>(titleHits);
    if (descriptionVector != null) {
      List<Hit> textHits = vectors.search(Fields.TEXT_VECTOR, descriptionVector, settings.candidates());
      Map<String, Double> text = channel(query.mode(), textHits, descriptionVector, tables().textCentroids(), Map.of());
      scores = mix(scores, text, settings.descriptionWeight(), floor(query.mode(), titleHits),
          floor(query.mode(), textHits));
      evidence.addAll(textHits);
    }
    List<OccupationMatch> top = top(scores, Math.max(2, query.k()), evidence);
    String review = ReviewRule.DEFAULT.reason(top).orElse(null);
    JobAttributes attributes = top.isEmpty() ? null
        : JobAttributes.of(query.title(), top.get(0).occupation().code(), itProbability(query.mode(), scores));
    return new Classification(query, top.subList(0, Math.min(query.k(), top.size())), review, attributes,
        skills(query));
  }

  /**
   * The title channel: the nearest title documents (without {@code excludedDocs}), the exact-title
   * bonus, and the occupations' scores by the mode. A left-out document's text is not an exact title either.
   */
  private TitleChannel titleChannel(Mode mode, String title, float[] vector, Set<Integer> excludedDocs) {
    List<Hit> hits = vectors.search(Fields.TITLE_VECTOR, vector, settings.candidates() + excludedDocs.size());
    String normalized = TitleNormalizer.forMatching(title);
    Set<String> exact = tables().exactTitles().codesFor(normalized);
    if (!excludedDocs.isEmpty()) {
      hits = hits.stream().filter(h -> !excludedDocs.contains(h.doc())).limit(settings.candidates()).toList();
      String key = ExactTitles.key(normalized);
      if (excludedDocs.stream().anyMatch(doc -> ExactTitles.key(vectors.text(doc)).equals(key))) {
        exact = Set.of();
      }
    }
    Map<String, Double> split = exactSplit(exact, vector);
    if (mode != Mode.VOTE) {
      return new TitleChannel(hits, split, Map.of(), channel(mode, hits, vector, tables().titleCentroids(), split),
          excludedDocs);
    }
    Map<String, Double> votes = vote(hits, split);
    return new TitleChannel(hits, split, votes, smooth(votes), excludedDocs);
  }

  /**
   * The vote's best {@link Reranker#CANDIDATES} occupations ordered by the re-ranker; scores are a
   * softmax of its margins over them, so they still sum to 1 and read as shares.
   */
  private Map<String, Double> rerank(String title, float[] vector, TitleChannel channel, Reranker model) {
    List<String> codes = bestCodes(channel.scores(), Reranker.CANDIDATES);
    float[] margins = model.score(features().rows(title, vector, channel, codes));
    Map<String, Double> byCode = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      byCode.put(codes.get(i), (double) margins[i]);
    }
    return softmax(byCode, 1);
  }

  /** exp((s - best) / temperature) of each score, normalised to sum to 1. */
  private static Map<String, Double> softmax(Map<String, Double> scores, double temperature) {
    double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<String, Double> weights = new HashMap<>();
    scores.forEach((code, s) -> weights.put(code, Math.exp((s - best) / temperature)));
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    weights.replaceAll((code, w) -> w / total);
    return weights;
  }

  /** What the re-ranker sees of one title: its candidates, best vote first, and their feature rows. */
  public record RerankInput(List<String> codes, float[][] rows) {}

  /**
   * The re-ranker's input for a title as {@link #classify} would build it, with {@code excludedDocs}
   * left out of the index (training: a title must not find itself). {@code vector} is the encoding of
   * {@link TitleNormalizer#forMatching} of the title.
   */
  public RerankInput rerankInput(String title, float[] vector, Set<Integer> excludedDocs) {
    TitleChannel channel = titleChannel(Mode.VOTE, title, vector, excludedDocs);
    List<String> codes = bestCodes(channel.scores(), Reranker.CANDIDATES);
    return new RerankInput(codes, features().rows(title, vector, channel, codes));
  }

  /** The {@code n} best-scored occupations of the index, ties by code. */
  private List<String> bestCodes(Map<String, Double> scores, int n) {
    return scores.entrySet().stream()
        .filter(e -> index.occupation(e.getKey()).isPresent())
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * A text alone ({@link Query#ofText}) whose vector the caller already has (a candidate search
   * encoded it): ranked as {@link #classify} would rank it, without encoding it again.
   */
  public Classification classifyText(Query query, float[] vector) {
    if (!query.textOnly()) {
      throw new IllegalArgumentException("a query with a title is encoded by classify");
    }
    return rankText(query, vector);
  }

  /** A text without a title: the descriptive channel alone; no level is read from a title. */
  private Classification rankText(Query query, float[] textVector) {
    List<Hit> textHits = vectors.search(Fields.TEXT_VECTOR, textVector, settings.candidates());
    Map<String, Double> scores = channel(query.mode(), textHits, textVector, tables().textCentroids(), Map.of());
    List<OccupationMatch> top = top(scores, Math.max(2, query.k()), textHits);
    String review = ReviewRule.DEFAULT.reason(top).orElse(null);
    JobAttributes attributes = top.isEmpty() ? null
        : JobAttributes.of("", top.get(0).occupation().code(), itProbability(query.mode(), scores));
    return new Classification(query, top.subList(0, Math.min(query.k(), top.size())), review, attributes,
        skills(query));
  }

  /** The skills and tools a query's description (or text) names: a posting's, a CV's. */
  private List<SkillMatch> skills(Query query) {
    return query.descriptionIfAny().map(d -> index.skills().find(d)).orElse(List.of());   // skills load on first use
  }

  /**
   * The probability mass on IT occupations: the sum of their vote shares, or, in the modes whose
   * scores are similarities, of a softmax of the scores at the vote's temperature.
   */
  private double itProbability(Mode mode, Map<String, Double> scores) {
    if (scores.isEmpty()) {
      return 0;
    }
    double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double it = 0;
    double total = 0;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      double w = mode == Mode.VOTE ? e.getValue() : Math.exp((e.getValue() - best) / settings.temperature());
      total += w;
      if (ItOccupations.isIt(e.getKey())) {
        it += w;
      }
    }
    return total > 0 ? it / total : 0;
  }

  /**
   * How the exact-title bonus is shared when several occupations list the query as a title: by a
   * softmax, at the vote's temperature, of the query's similarity to each one's own title ("Tire
   * Molder" is listed by Tire Builders and by Production Workers, All Other; the first is nearer).
   */
  private Map<String, Double> exactSplit(Set<String> codes, float[] query) {
    Map<String, Double> similarity = new HashMap<>();
    Map<String, float[]> ownTitleVectors = tables().ownTitleVectors();
    for (String code : codes) {
      float[] own = ownTitleVectors.get(code);
      similarity.put(code, own == null ? 0 : (double) VectorUtil.dotProduct(query, own));
    }
    return softmax(similarity, settings.temperature());
  }

  /** Scores of one channel (title or description) by the mode. */
  private Map<String, Double> channel(Mode mode, List<Hit> hits, float[] query, Centroids centroids,
                                      Map<String, Double> exactCodes) {
    return switch (mode) {
      case SIMILARITY -> {
        Map<String, Double> best = new HashMap<>();
        for (Hit h : hits) {
          for (Label label : vectors.labels(h.doc())) {
            best.merge(label.code(), (double) h.score(), Math::max);
          }
        }
        yield best;
      }
      case VOTE -> smooth(vote(hits, exactCodes));
      case CENTROID -> centroids.scores(query);
    };
  }

  /**
   * Softmax vote: each of the nearest {@code voters} documents gives exp((s - s_best) / T), split
   * evenly among the occupations that share its text (a title shared by many occupations says
   * little about which one is meant); shares are normalised to sum to 1. Occupations that have the query as
   * a title then share an extra {@code exactTitleBonus} of mass ({@link #exactSplit}), and all shares are divided by
   * (1 + bonus) so they still sum to 1.
   */
  private Map<String, Double> vote(List<Hit> hits, Map<String, Double> exactSplit) {
    Map<String, Double> shares = new HashMap<>();
    List<Hit> voters = hits.subList(0, Math.min(settings.voters(), hits.size()));
    if (voters.isEmpty()) {
      return shares;
    }
    double best = voters.get(0).score();
    double total = 0;
    for (Hit h : voters) {
      double w = Math.exp((h.score() - best) / settings.temperature());
      List<Label> labels = vectors.labels(h.doc());
      for (Label label : labels) {
        shares.merge(label.code(), w / labels.size(), Double::sum);
      }
      total += w;
    }
    final double sum = total;
    shares.replaceAll((code, w) -> w / sum);
    if (!exactSplit.isEmpty() && settings.exactTitleBonus() > 0) {
      double bonus = settings.exactTitleBonus();
      exactSplit.forEach((code, fraction) -> shares.merge(code, bonus * fraction, Double::sum));
      shares.replaceAll((code, s) -> s / (1 + bonus));
    }
    return shares;
  }

  /**
   * Hierarchical smoothing of vote shares: each occupation's share is multiplied by (1 + socWeight
   * × the total share of its SOC 6-digit group + majorWeight × that of its major group), so that
   * an occupation backed by many near neighbours of the same family beats a lone near match of
   * about the same share; the results are renormalised to sum to 1, which keeps the scale of the
   * shares (the factor is at most 1 + socWeight + majorWeight).
   */
  private Map<String, Double> smooth(Map<String, Double> shares) {
    if (settings.socWeight() == 0 && settings.majorWeight() == 0) {
      return shares;
    }
    Map<String, Double> soc = new HashMap<>();
    Map<String, Double> major = new HashMap<>();
    shares.forEach((code, s) -> {
      soc.merge(OnetCodes.soc6(code), s, Double::sum);
      major.merge(OnetCodes.majorGroup(code), s, Double::sum);
    });
    Map<String, Double> smoothed = new HashMap<>();
    double total = 0;
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      String code = e.getKey();
      double s = e.getValue() * (1 + settings.socWeight() * soc.get(OnetCodes.soc6(code))
          + settings.majorWeight() * major.get(OnetCodes.majorGroup(code)));
      smoothed.put(code, s);
      total += s;
    }
    final double sum = total;
    smoothed.replaceAll((code, s) -> s / sum);
    return smoothed;
  }

  /** What an occupation missing from a channel's hits scores there: nothing for a vote, else the weakest hit. */
  private static double floor(Mode mode, List<Hit> hits) {
    return mode == Mode.VOTE || hits.isEmpty() ? 0 : hits.get(hits.size() - 1).score();
  }

  private static Map<String, Double> mix(Map<String, Double> title, Map<String, Double> text, double weight,
                                         double titleFloor, double textFloor) {
    Set<String> codes = new HashSet<>(title.keySet());
    codes.addAll(text.keySet());
    Map<String, Double> mixed = new HashMap<>();
    for (String code : codes) {
      mixed.put(code, (1 - weight) * title.getOrDefault(code, titleFloor) + weight * text.getOrDefault(code, textFloor));
    }
    return mixed;
  }

  private List<OccupationMatch> top(Map<String, Double> scores, int k, List<Hit> hits) {
    List<String> ranked = bestCodes(scores, k);
    Map<String, List<Evidence>> evidence = evidenceByCode(hits, new HashSet<>(ranked));
    return ranked.stream().map(code -> new OccupationMatch(index.occupation(code).orElseThrow(), scores.get(code),
        evidence.getOrDefault(code, List.of()))).toList();
  }

  /** The best distinct documents among the hits of each of {@code codes}, best first. */
  private Map<String, List<Evidence>> evidenceByCode(List<Hit> hits, Set<String> codes) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparingInt(Hit::doc));
    Map<String, List<Evidence>> byCode = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    for (Hit h : sorted) {
      if (!seen.add(h.doc())) {
        continue;
      }
      for (Label label : vectors.labels(h.doc())) {
        if (!codes.contains(label.code())) {
          continue;
        }
        List<Evidence> list = byCode.computeIfAbsent(label.code(), c -> new ArrayList<>());
        if (list.size() < settings.evidence()) {
          list.add(new Evidence(label.kind(), vectors.text(h.doc()), h.score()));
        }
      }
    }
    return byCode;
  }
}
