package dev.jobcode.eval;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.candidates.LabelInference;
import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.corpus.Cv;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.PooledCv;
import dev.jobcode.taxonomy.OnetCodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Leave-out evaluation on the candidate pool: a seeded share of the labelled CVs is held out, and
 * each held-out CV is classified by the vote of the rest (the held-out ones never vote), by the
 * occupation classifier as label inference runs it (its headline, else a short first line, as the
 * title and its text as the description) and by the classifier over its text alone, scored at top-1
 * occupation and major group. The held-out CVs can be rewritten the way people write theirs first
 * ({@link CvStyles}), with or without mojibake repair.
 */
public final class CandidateHoldout {
  /** Top-1 accuracy at occupation and major-group level, and how fast. */
  public record Scores(double onetTop1, double majorTop1, double cvsPerSecond) {}

  /**
   * A run: how many were held out of how many labelled, with what, in which style (with mojibake
   * repaired or not), and the scores of the vote, of the classifier as label inference runs it, and of
   * the classifier over the text alone.
   */
  public record Result(int heldOut, int labelled, long seed, int k, String style, boolean repaired, Scores vote,
                       Scores classifier, Scores classifierTextOnly, Scores inference) {}

  private final List<Candidate> heldOut;
  private final int labelled;
  private final long seed;

  private CandidateHoldout(List<Candidate> heldOut, int labelled, long seed) {
    this.heldOut = heldOut;
    this.labelled = labelled;
    this.seed = seed;
  }

  /**
   * Holds out {@code share} of the labelled CVs of {@code index}, drawn with {@code seed} (the same
   * index, share and seed: the same CVs).
   *
   * @throws IllegalArgumentException when the share leaves none held out, or none to vote
   */
  public static CandidateHoldout draw(CandidateStore pool, double share, long seed) {
    List<Candidate> labelled = new ArrayList<>(pool.list().stream().filter(PooledCv::votes).map(Candidate::of).toList());
    labelled.sort(Comparator.comparing(Candidate::id));
    Collections.shuffle(labelled, new Random(seed));
    int n = (int) Math.round(labelled.size() * share);
    if (n < 1 || n >= labelled.size()) {
      throw new IllegalArgumentException("the index has " + labelled.size() + " labelled CVs: too few to hold out "
          + share);
    }
    return new CandidateHoldout(List.copyOf(labelled.subList(0, n)), labelled.size(), seed);
  }

  /** How many CVs are held out. */
  public int size() {
    return heldOut.size();
  }

  /** How many labelled CVs the index has. */
  public int labelled() {
    return labelled;
  }

  public long seed() {
    return seed;
  }

  /** Classifies the held-out CVs of {@code pool}: by the vote of {@code k} neighbours, and by the classifier. */
  public Result evaluate(Classifier classifier, CandidateStore pool, int k) {
    return evaluate(classifier, pool, k, CvStyles.Style.GENERATED, true);
  }

  /** As above, with the held-out CVs written in {@code style}, their mojibake repaired or not. */
  public Result evaluate(Classifier classifier, CandidateStore pool, int k, CvStyles.Style style, boolean repair) {
    List<Cv> cvs = new ArrayList<>(heldOut.size());
    for (Candidate c : heldOut) {
      Cv cv = pool.get(c.id()).orElseThrow().cv();
      cv = style == CvStyles.Style.PEOPLE ? CvStyles.asPeopleWrite(cv, seed) : cv;
      cvs.add(repair ? CandidateIntake.repaired(cv) : cv);
    }
    Set<String> heldIds = new LinkedHashSet<>(heldOut.stream().map(Candidate::id).toList());
    long start = System.nanoTime();
    // The stored vector is the generated text's; a rewritten text is encoded, as the intake would.
    List<float[]> vectors = style == CvStyles.Style.GENERATED
        ? cvs.stream().map(cv -> pool.vector(cv.id()).orElseThrow()).toList()
        : classifier.encoder().encode(cvs.stream().map(Cv::text).toList());
    long encoding = System.nanoTime() - start;
    return new Result(heldOut.size(), labelled, seed, k, style.name().toLowerCase(java.util.Locale.ROOT), repair,
        vote(CandidateSearch.of(classifier, pool), k, vectors, heldIds, encoding),
        classify(classifier, cvs.stream().map(LabelInference::query).toList()),
        classify(classifier, cvs.stream().map(cv -> Query.ofText(clip(cv.text(), Query.MAX_DESCRIPTION_CHARS), 1,
            Mode.DEFAULT)).toList()),
        infer(new LabelInference(classifier, pool), cvs, vectors, heldIds, encoding));
  }

  /** The vote of the {@code k} nearest labelled CVs that are not held out; {@code encoding} ns were spent before. */
  private Scores vote(CandidateSearch search, int k, List<float[]> vectors, Set<String> heldIds, long encoding) {
    long start = System.nanoTime() - encoding;
    List<String> best = new ArrayList<>(heldOut.size());
    for (float[] vector : vectors) {
      CandidateSearch.Vote v = search.vote(vector, k, heldIds);
      best.add(v.occupations().isEmpty() ? "" : v.occupations().get(0).value());
    }
    return score(best, start);
  }

  /** What label inference gives the held-out CVs with their labels taken away. */
  private Scores infer(LabelInference inference, List<Cv> cvs, List<float[]> vectors, Set<String> heldIds,
                       long encoding) {
    long start = System.nanoTime() - encoding;
    List<Cv> bare = cvs.stream().map(cv -> new Cv(cv.id(), cv.name(), cv.headline(), null, null, null, null, null,
        null, cv.summary(), cv.skills(), cv.experience(), cv.text())).toList();
    List<String> best = inference.infer(bare, vectors, heldIds).stream()
        .map(l -> l.cv().onetCode() == null ? "" : l.cv().onetCode()).toList();
    return score(best, start);
  }

  private Scores classify(Classifier classifier, List<Query> queries) {
    long start = System.nanoTime();
    List<String> best = new ArrayList<>(heldOut.size());
    for (Classification answer : classifier.classifyAll(queries)) {
      best.add(answer.results().isEmpty() ? "" : answer.results().get(0).occupation().code());
    }
    return score(best, start);
  }

  /** Scores the best codes, one per held-out CV in order ("" for none), found since {@code start}. */
  private Scores score(List<String> best, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    int code = 0;
    int major = 0;
    for (int i = 0; i < heldOut.size(); i++) {
      Candidate c = heldOut.get(i);
      String b = best.get(i);
      code += b.equals(c.onetCode()) ? 1 : 0;
      major += !b.isEmpty() && OnetCodes.majorGroup(b).equals(c.majorGroup()) ? 1 : 0;
    }
    int n = heldOut.size();
    return new Scores((double) code / n, (double) major / n, n / seconds);
  }

  /** A CV may be longer than a query may be: its start stands for it. */
  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
