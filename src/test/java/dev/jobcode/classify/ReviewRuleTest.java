package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.taxonomy.Occupation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRuleTest {
  private static OccupationMatch match(double score) {
    return new OccupationMatch(new Occupation("15-1252.00", "Software Developers", "", 4), score, List.of());
  }

  @Test
  void flagsLowOrNarrowLeadsOnly() {
    ReviewRule rule = ReviewRule.DEFAULT;
    assertThat(rule.needsReview(List.of(match(0.8), match(0.1)))).isFalse();
    assertThat(rule.needsReview(List.of(match(0.29), match(0.0)))).as("below 0.3").isTrue();
    assertThat(rule.needsReview(List.of(match(0.45), match(0.36)))).as("lead 0.09").isTrue();
    assertThat(rule.needsReview(List.of(match(0.5)))).as("alone").isFalse();
    assertThat(rule.needsReview(List.of())).isTrue();
  }

  @Test
  void saysWhyInASentence() {
    ReviewRule rule = ReviewRule.DEFAULT;
    assertThat(rule.reason(List.of(match(0.8), match(0.1)))).isEmpty();
    assertThat(rule.reason(List.of(match(0.29), match(0.0)))).hasValue("the top score, 0.29, is below 0.3");
    assertThat(rule.reason(List.of(match(0.45), match(0.36))))
        .hasValue("the top answer leads the second by only 0.09, less than 0.1");
    assertThat(rule.reason(List.of(match(0.2), match(0.15))))
        .hasValue("the top score, 0.20, is below 0.3, and the top answer leads the second by only 0.05, less than 0.1");
    assertThat(rule.reason(List.of())).hasValue("no occupation matched");
  }

  @Test
  void describesItselfFromItsThresholds() {
    assertThat(ReviewRule.DEFAULT.describe()).isEqualTo("top score < 0.3 or lead over the second < 0.1");
    assertThat(new ReviewRule(0.25, 0.05).describe()).isEqualTo("top score < 0.25 or lead over the second < 0.05");
  }
}
