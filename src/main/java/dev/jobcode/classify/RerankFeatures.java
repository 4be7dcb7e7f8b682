package dev.jobcode.classify;

import dev.jobcode.index.Hit;
import dev.jobcode.index.Label;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.Occupation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * The re-ranker's features of each candidate occupation for one title: what the vote already
 * knew (share, rank, group mass), what it could not combine (best title match, similarity to the
 * occupation's own title and centroids, exact matches), and how the words agree (head word,
 * idf-weighted overlap, seniority against job zone). The order of {@link #NAMES} is the model's
 * column order; a model trained on other names is refused ({@link Reranker}).
 */
final class RerankFeatures {
  static final List<String> NAMES = List.of(
      "share", "log_share", "rank", "share_of_top", "vote", "best_title_cos", "best_title_gap", "voter_docs",
      "own_title_cos", "title_centroid_cos", "text_centroid_cos", "exact_own", "exact_any", "exact_share",
      "soc6_share", "minor_share", "major_share", "head_in_own_title", "head_share", "coverage", "own_coverage",
      "own_missing", "log_titles", "job_zone", "query_level", "management", "all_other", "detailed_code",
      "query_words");

  private final OnetIndex index;
  private final VectorIndex vectors;
  private final Map<String, float[]> ownTitleVectors;
  private final Centroids titleCentroids;
  private final Centroids textCentroids;
  private final TitleWords words;
  private final int voters;

  RerankFeatures(OnetIndex index, Map<String, float[]> ownTitleVectors, Centroids titleCentroids,
                 Centroids textCentroids, int voters) {
    this.index = index;
    this.vectors = index.vectors();
    this.ownTitleVectors = ownTitleVectors;
    this.titleCentroids = titleCentroids;
    this.textCentroids = textCentroids;
    this.words = new TitleWords(vectors);
    this.voters = voters;
  }

  /** One row per candidate, in the order of {@code candidates} (best share first). */
  float[][] rows(String title, float[] vector, TitleChannel channel, List<String> candidates) {
    String normalized = TitleNormalizer.forMatching(title);
    List<String> query = TitleWords.tokens(normalized);
    String key = ExactTitles.key(normalized);
    int level = LevelReader.read(title).level().ordinal();
    Map<String, Double> best = new HashMap<>();
    Map<String, Integer> voterDocs = new HashMap<>();
    List<Hit> hits = channel.hits();
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      for (Label label : vectors.labels(h.doc())) {
        best.merge(label.code(), (double) h.score(), Math::max);
        if (i < voters) {
          voterDocs.merge(label.code(), 1, Integer::sum);
        }
      }
    }
    double floor = hits.isEmpty() ? 0 : hits.get(hits.size() - 1).score();
    double top = hits.isEmpty() ? 0 : hits.get(0).score();
    Map<String, Double> soc6 = new HashMap<>();
    Map<String, Double> minor = new HashMap<>();
    Map<String, Double> major = new HashMap<>();
    for (String code : candidates) {
      double s = channel.scores().getOrDefault(code, 0.0);
      soc6.merge(OnetCodes.soc6(code), s, Double::sum);
      minor.merge(minorGroup(code), s, Double::sum);
      major.merge(OnetCodes.majorGroup(code), s, Double::sum);
    }
    double first = candidates.isEmpty() ? 0 : channel.scores().getOrDefault(candidates.get(0), 0.0);
    float[][] rows = new float[candidates.size()][];
    for (int r = 0; r < candidates.size(); r++) {
      String code = candidates.get(r);
      double share = channel.scores().getOrDefault(code, 0.0);
      double bestCos = best.getOrDefault(code, floor);
      float[] own = ownTitleVectors.get(code);
      Occupation occupation = index.occupation(code).orElse(null);
      boolean exactOwn = channel.exactSplit().containsKey(code) && occupation != null
          && ExactTitles.key(occupation.title()).equals(key);
      rows[r] = new float[] {
          (float) share,
          (float) Math.log(share + 1e-6),
          r,
          (float) (first > 0 ? share / first : 0),
          channel.votes().getOrDefault(code, 0.0).floatValue(),
          (float) bestCos,
          (float) (top - bestCos),
          voterDocs.getOrDefault(code, 0),
          own == null ? 0 : VectorUtil.dotProduct(vector, own),
          (float) titleCentroids.score(vector, code, channel.excludedDocs()),
          (float) textCentroids.score(vector, code),
          exactOwn ? 1 : 0,
          channel.exactSplit().containsKey(code) ? 1 : 0,
          channel.exactSplit().getOrDefault(code, 0.0).floatValue(),
          soc6.get(OnetCodes.soc6(code)).floatValue(),
          minor.get(minorGroup(code)).floatValue(),
          major.get(OnetCodes.majorGroup(code)).floatValue(),
          words.headInOwnTitle(query, code) ? 1 : 0,
          (float) words.headShare(query, code, channel.excludedDocs()),
          (float) words.coverage(query, code, channel.excludedDocs()),
          (float) words.ownTitleCoverage(query, code),
          (float) words.ownTitleMissing(query, code),
          (float) Math.log(1 + words.titles(code, channel.excludedDocs())),
          occupation == null ? 0 : occupation.jobZone(),
          level,
          code.startsWith("11-") ? 1 : 0,
          occupation != null && occupation.title().contains("All Other") ? 1 : 0,
          code.endsWith(".00") ? 0 : 1,
          query.size()};
    }
    return rows;
  }

  /** The SOC minor group: "15-12" of 15-1252.00. */
  private static String minorGroup(String code) {
    return code.substring(0, 5);
  }
}
