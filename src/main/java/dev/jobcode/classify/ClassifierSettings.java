package dev.jobcode.classify;

/**
 * Tuning of the classifier.
 *
 * @param candidates neighbours asked of HNSW per channel (enough that recall is not the limit)
 * @param voters nearest documents that vote in {@link Mode#VOTE}
 * @param temperature softmax temperature of the vote weights: lower trusts the nearest more
 * @param exactTitleBonus vote mass, relative to the whole vote, given to occupations that have
 *     the query as one of their titles
 * @param descriptionWeight share of the final score that the description channel decides, when a
 *     description is given
 * @param evidence documents shown as evidence per occupation
 */
public record ClassifierSettings(int candidates, int voters, double temperature, double exactTitleBonus,
                                 double descriptionWeight, int evidence) {
  /**
   * Chosen on the dev sets (all-MiniLM-L6-v2, O*NET 30.0): 100 voters at temperature 0.10 beat 20–50
   * voters and temperatures 0.03–0.05 on h1b and vacancy titles (h1b SOC-6 top-1 39.9 vs 39.0,
   * vacancy O*NET top-5 49.9 vs 47.2), at a cost of 0.6 points on the BLS direct-match sanity set.
   * 200 candidates keep HNSW recall@10 above 0.99.
   */
  public static final ClassifierSettings DEFAULT = new ClassifierSettings(200, 100, 0.10, 1.0, 0.35, 3);

  public ClassifierSettings {
    if (candidates < 1 || voters < 1 || voters > candidates) {
      throw new IllegalArgumentException("need 1 <= voters <= candidates: " + voters + ", " + candidates);
    }
    if (!(temperature > 0) || exactTitleBonus < 0 || descriptionWeight < 0 || descriptionWeight > 1 || evidence < 0) {
      throw new IllegalArgumentException("invalid classifier settings: " + this);
    }
  }
}
