package dev.jobcode.candidates;

import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.corpus.Cv;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.PooledCv;
import dev.jobcode.skills.SkillMatch;
import dev.jobcode.taxonomy.Occupation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recruiters' questions over the candidate pool: the CVs nearest a text or another CV (with
 * filters), and an occupation for a text by the vote of the nearest labelled CVs.
 */
public final class CandidateSearch {
  /**
   * A candidate found: who, how similar, the CV line that best matches the query, and why it is near:
   * the skills it shares with the query (O*NET names) and whether its occupation is the query's (null
   * when either is unknown).
   */
  public record Found(Candidate candidate, double score, String snippet, List<String> sharedSkills,
                      Boolean sameOccupation) {
    public Found {
      sharedSkills = List.copyOf(sharedSkills);
    }
  }

  /**
   * What a search understood of its query: its occupation (a text's by the classifier over the text
   * alone, a CV's its own; null when unknown) and the skills it names.
   */
  public record QueryFacts(String onetCode, String onetTitle, List<String> skills) {}

  /** The candidates found, and what they were found for. */
  public record Results(QueryFacts query, List<Found> found) {}

  /** One answer of a vote, with its share of the similarity-weighted votes. */
  public record Share(String value, double share) {}

  /**
   * A kNN-vote classification: occupations (with titles), major groups, levels and IT by vote share,
   * best first, and the neighbours that voted.
   */
  public record Vote(List<Share> occupations, List<Share> majorGroups, List<Share> levels, Double itShare,
                     List<Found> neighbours, Map<String, String> titles) {}

  /** Nearest CVs that vote when the caller does not say (the API's and the command line's {@code k}). */
  public static final int DEFAULT_VOTERS = 15;

  static final int SNIPPET_CHARS = 200;

  private final CandidateStore pool;
  private final Classifier classifier;
  private final OnetIndex index;
  private final Encoder encoder;
  private final double temperature;

  /**
   * Over {@code pool} (null when there is none: every call then throws {@link NoCandidatesException}),
   * with the classifier's index (occupation titles, skills), encoder, and vote temperature, as the
   * occupation vote's for the same model ({@link ClassifierSettings#temperature()}).
   */
  public CandidateSearch(CandidateStore pool, Classifier classifier) {
    this.pool = pool;
    this.classifier = classifier;
    this.index = classifier.index();
    this.encoder = classifier.encoder();
    this.temperature = classifier.settings().temperature();
  }

  public static CandidateSearch of(Classifier classifier, CandidateStore pool) {
    return new CandidateSearch(pool, classifier);
  }

  /** Whether there is a pool at all. */
  public boolean available() {
    return pool != null;
  }

  public Optional<PooledCv> cv(String id) {
    return pool().get(id);
  }

  /**
   * The {@code k} nearest candidates, each with why it is near; searching by id leaves that CV out.
   * A text's occupation is the classifier's over the text alone, from the vector the search uses.
   */
  public Results search(CandidateQuery query) {
    Target target = target(query, Set.of());
    QueryFacts facts = facts(query, target);
    Set<String> querySkills = Set.copyOf(facts.skills());
    List<Found> found = pool().search(target.vector(), query.k(), query.filter(), target.excluded()).stream()
        .map(m -> {
          PooledCv e = m.entry();
          List<String> shared = e.skillNames().stream().filter(querySkills::contains).toList();
          Boolean same = facts.onetCode() == null || e.cv().onetCode() == null ? null
              : facts.onetCode().equals(e.cv().onetCode());
          return new Found(m.candidate(), m.score(), snippet(e.cv().text(), target.words()), shared, same);
        })
        .toList();
    return new Results(facts, found);
  }

  private QueryFacts facts(CandidateQuery query, Target target) {
    if (target.self() != null) {
      Cv cv = target.self().cv();
      return new QueryFacts(cv.onetCode(), cv.onetTitle(), target.self().skillNames());
    }
    List<String> skills = index.skills().find(query.text()).stream().map(SkillMatch::name).toList();
    var top = classifier.classifyText(Query.ofText(query.text(), 1, Mode.DEFAULT), target.vector()).results();
    return top.isEmpty() ? new QueryFacts(null, null, skills)
        : new QueryFacts(top.get(0).occupation().code(), top.get(0).occupation().title(), skills);
  }

  /**
   * The vector to search with, the CVs to leave out, the words a snippet should match, and the CV
   * searched by (null for a text).
   */
  private record Target(float[] vector, Set<String> excluded, String words, PooledCv self) {}

  private Target target(CandidateQuery query, Set<String> nonVoters) {
    CandidateStore pool = pool();
    Set<String> excluded = new HashSet<>(nonVoters);
    if (query.id() == null) {
      return new Target(encoder.encode(List.of(query.text())).get(0), excluded, query.text(), null);
    }
    PooledCv self = pool.get(query.id()).orElseThrow(() -> new UnknownCandidateException(query.id()));
    float[] vector = pool.vector(self.id()).orElseThrow(() -> new UnknownCandidateException(query.id()));
    excluded.add(self.id());
    return new Target(vector, excluded, self.cv().headline() == null ? "" : self.cv().headline(), self);
  }

  /**
   * Classifies a text (or an indexed CV, left out of its own vote) by the similarity-weighted vote of
   * its {@code k} nearest labelled CVs: each neighbour adds exp((s − s_best) / T) for its cosine
   * similarity s to its occupation, major group, level and IT flag (the same weights as the
   * occupation vote; on the generated corpus T = 0.02–0.03 beat plain cosine weights, 74.9% vs 72.7%
   * top-1 occupation held out).
   */
  public Vote vote(CandidateQuery query) {
    return vote(query, Set.of());
  }

  /** As above, with CVs that may not vote (a held-out set under evaluation). */
  public Vote vote(CandidateQuery query, Set<String> nonVoters) {
    Target target = target(query, nonVoters);
    return tally(voters(target.vector(), query.k(), query.filter(), target.excluded()));
  }

  /**
   * The vote of the {@code k} nearest labelled CVs to a unit vector of the pool's model (a CV's own,
   * encoded once by the intake), less {@code nonVoters}.
   */
  public Vote vote(float[] vector, int k, Set<String> nonVoters) {
    return tally(voters(vector, k, CandidateFilter.NONE, nonVoters));
  }

  private Vote tally(List<Found> neighbours) {
    Map<String, Double> byCode = new TreeMap<>();
    Map<String, Double> byMajor = new TreeMap<>();
    Map<String, Double> byLevel = new TreeMap<>();
    double itWeight = 0;
    double itTotal = 0;
    double total = 0;
    double top = neighbours.isEmpty() ? 0 : neighbours.get(0).score();
    for (Found f : neighbours) {
      double w = Math.exp((f.score() - top) / temperature);
      Candidate c = f.candidate();
      byCode.merge(c.onetCode(), w, Double::sum);
      byMajor.merge(c.majorGroup(), w, Double::sum);
      if (c.level() != null) {
        byLevel.merge(c.level(), w, Double::sum);
      }
      if (c.it() != null) {
        itTotal += w;
        itWeight += c.it() ? w : 0;
      }
      total += w;
    }
    Map<String, String> titles = new LinkedHashMap<>();
    List<Share> occupations = shares(byCode, total);
    occupations.forEach(s -> titles.put(s.value(), index.occupation(s.value()).map(Occupation::title).orElse("")));
    return new Vote(occupations, shares(byMajor, total), shares(byLevel, total),
        itTotal > 0 ? itWeight / itTotal : null, neighbours, titles);
  }

  private List<Found> voters(float[] vector, int k, CandidateFilter filter, Set<String> excluded) {
    return pool().search(vector, k, filter.withLabelledOnly(), excluded)
        .stream().map(m -> new Found(m.candidate(), m.score(), "", List.of(), null)).toList();
  }

  private static List<Share> shares(Map<String, Double> weights, double total) {
    List<Share> shares = new ArrayList<>();
    weights.forEach((value, w) -> shares.add(new Share(value, total > 0 ? w / total : 0)));
    shares.sort(Comparator.comparingDouble((Share s) -> -s.share()).thenComparing(Share::value));
    return shares;
  }

  private CandidateStore pool() {
    if (pool == null) {
      throw new NoCandidatesException();
    }
    return pool;
  }

  /**
   * The line (or sentence) of {@code cvText} sharing the most words of three letters or more with
   * {@code query}; the first line when none does. At most {@value #SNIPPET_CHARS} characters.
   */
  static String snippet(String cvText, String query) {
    Set<String> wanted = words(query);
    String best = null;
    int bestCount = 0;
    for (String line : cvText.split("\\n|(?<=[.!?])\\s+")) {
      String l = line.strip().replaceFirst("^- ", "");
      if (l.isEmpty()) {
        continue;
      }
      if (best == null) {
        best = l;
      }
      int count = words(l).stream().mapToInt(w -> wanted.contains(w) ? 1 : 0).sum();
      if (count > bestCount) {
        best = l;
        bestCount = count;
      }
    }
    if (best == null) {
      return "";
    }
    return best.length() <= SNIPPET_CHARS ? best : best.substring(0, SNIPPET_CHARS - 1).strip() + "…";
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3) {
        words.add(w);
      }
    }
    return words;
  }

  /** The server or command runs without a candidate pool. */
  public static final class NoCandidatesException extends RuntimeException {
    public NoCandidatesException() {
      super("there is no candidate pool; add CVs with 'jobcode candidates add FILES…' (see the README)");
    }
  }

  /** No indexed CV has this id. */
  public static final class UnknownCandidateException extends RuntimeException {
    public UnknownCandidateException(String id) {
      super("no candidate with id '" + id + "'");
    }
  }
}
