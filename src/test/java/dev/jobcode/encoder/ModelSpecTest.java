package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSpecTest {
  @Test
  void everyModelsArtifactIsOnTheClasspathAtTheVersionPomXmlPins() {
    for (ModelSpec spec : ModelSpec.KNOWN) {
      assertThat(spec.artifact()).as(spec.id()).matches("dev\\.langchain4j:[a-z0-9-]+");
      assertThat(spec.coordinates()).as(spec.id()).matches(java.util.regex.Pattern.quote(spec.artifact()) + ":\\d+\\.\\d+\\.\\d+.*");
    }
  }
}
