package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.encoder.ModelSpec;
import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {
  @Test
  void eachModelCarriesTheVoteTemperatureItsSimilaritiesNeed() {
    assertThat(ClassifierSettings.forModel(ModelSpec.ALL_MINILM_L6_V2).temperature()).isEqualTo(0.10);
    assertThat(ClassifierSettings.forModel(ModelSpec.E5_SMALL_V2_Q.id()).temperature()).isEqualTo(0.03);
    assertThat(ClassifierSettings.forModel(ModelSpec.BGE_SMALL_EN_V15).temperature()).isEqualTo(0.03);
    assertThat(ClassifierSettings.forModel("no-such-model")).isEqualTo(ClassifierSettings.DEFAULT);
    assertThat(ClassifierSettings.forModel(ModelSpec.E5_SMALL_V2).voters()).isEqualTo(ClassifierSettings.DEFAULT.voters());
  }
}
