package dev.jobcode.classify;

import dev.jobcode.encoder.ModelSpec;

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
 * @param socWeight vote mode: how much of its SOC 6-digit group's total share each occupation adds
 * @param majorWeight vote mode: how much of its major group's total share each occupation adds
 */
public record ClassifierSettings(int candidates, int voters, double temperature, double exactTitleBonus,
                                 double descriptionWeight, int evidence, double socWeight, double majorWeight) {
  /**
   * Chosen on the dev sets (docs/ACCURACY.md): 100 voters at temperature 0.10 beat 20–50 voters at
   * 0.03–0.05 for all-MiniLM-L6-v2; multiplicative major-group smoothing (weight 3) adds about a
   * point of major-group accuracy and keeps top-5. 300 candidates keep HNSW recall@10 above 0.99
   * (e5-small-v2 measured 0.991 at 200, 0.997 at 400). Each model's own temperature is in its
   * {@link ModelSpec#voteTemperature()}.
   */
  public static final ClassifierSettings DEFAULT = new ClassifierSettings(300, 100, 0.10, 1.0, 0.35, 3, 0, 3);

  /** The settings tuned for {@code model}: its vote temperature, the rest as {@link #DEFAULT}. */
  public static ClassifierSettings forModel(ModelSpec model) {
    return DEFAULT.withVote(DEFAULT.voters(), model.voteTemperature(), DEFAULT.socWeight(), DEFAULT.majorWeight());
  }

  /** The settings for the model of that id; an unknown id gets {@link #DEFAULT}. */
  public static ClassifierSettings forModel(String modelId) {
    return ModelSpec.byId(modelId).map(ClassifierSettings::forModel).orElse(DEFAULT);
  }

  public ClassifierSettings withCandidates(int n) {
    return new ClassifierSettings(n, voters, temperature, exactTitleBonus, descriptionWeight, evidence, socWeight,
        majorWeight);
  }

  public ClassifierSettings withVote(int voters, double temperature, double socWeight, double majorWeight) {
    return new ClassifierSettings(candidates, voters, temperature, exactTitleBonus, descriptionWeight, evidence,
        socWeight, majorWeight);
  }

  public ClassifierSettings {
    if (candidates < 1 || voters < 1 || voters > candidates) {
      throw new IllegalArgumentException("need 1 <= voters <= candidates: " + voters + ", " + candidates);
    }
    if (!(temperature > 0) || exactTitleBonus < 0 || descriptionWeight < 0 || descriptionWeight > 1 || evidence < 0
        || socWeight < 0 || majorWeight < 0) {
      throw new IllegalArgumentException("invalid classifier settings: " + this);
    }
  }
}
