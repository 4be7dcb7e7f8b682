package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void tabsAndNewlinesAreWhitespace() {
    Query q = new Query("  Registered\tNurse\n", " night\u00a0 shift ", 5, Mode.VOTE);
    assertThat(q.title()).isEqualTo("Registered Nurse");
    assertThat(q.description()).isEqualTo("night shift");
  }

  @Test
  void anAbsentDescriptionIsEmpty() {
    assertThat(new Query("Nurse", null, 1, Mode.VOTE).descriptionIfAny()).isEmpty();
  }

  @Test
  void badQueriesAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> new Query(" \t ", null, 5, Mode.VOTE)).hasMessage("title must not be empty");
    assertThatThrownBy(() -> new Query(null, null, 5, Mode.VOTE)).hasMessage("title is required");
    assertThatThrownBy(() -> new Query("Nurse", null, 0, Mode.VOTE)).hasMessageContaining("k must be between 1 and 50");
    assertThatThrownBy(() -> new Query("Nurse", null, 51, Mode.VOTE)).hasMessageContaining("k must be between 1 and 50");
    assertThatThrownBy(() -> new Query("Nu\u0000rse", null, 5, Mode.VOTE)).hasMessageContaining("NUL");
    assertThatThrownBy(() -> new Query("x".repeat(501), null, 5, Mode.VOTE)).hasMessageContaining("longer than 500");
  }

  @Test
  void modesHaveStableIds() {
    assertThat(Mode.fromId("vote")).contains(Mode.VOTE);
    assertThat(Mode.fromId("VOTE")).isEmpty();
    assertThat(Mode.ids()).isEqualTo("similarity, vote, centroid");
  }
}
