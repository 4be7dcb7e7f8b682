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
  public static final ClassifierSettings DEFAULT = new ClassifierSettings(100, 50, 0.05, 1.0, 0.35, 3);

  public ClassifierSettings {
    if (candidates < 1 || voters < 1 || voters > candidates) {
      throw new IllegalArgumentException("need 1 <= voters <= candidates: " + voters + ", " + candidates);
    }
    if (!(temperature > 0) || exactTitleBonus < 0 || descriptionWeight < 0 || descriptionWeight > 1 || evidence < 0) {
      throw new IllegalArgumentException("invalid classifier settings: " + this);
    }
  }
}
