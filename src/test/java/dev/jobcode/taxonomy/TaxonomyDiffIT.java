package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.testing.RealData;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What O*NET 30.0 changed from 29.3: facts of the two releases in ../shared/data/onet, as the README gives them. */
class TaxonomyDiffIT {
  static TaxonomyDiff onet29To30() {
    return TaxonomyDiff.between(OnetLoader.load(RealData.onet29(), Optional.empty()),
        OnetLoader.load(RealData.onet30(), Optional.empty()));
  }

  @Test
  void thirtyKeepsEveryOccupationAndTitleAndChangesAlternateTitlesAndTasksOf79() {
    TaxonomyDiff d = onet29To30();

    assertThat(d.from().version()).isEqualTo("29.3");
    assertThat(d.to().version()).isEqualTo("30.0");
    // 1,016 occupations in both; none added, removed, retitled or redescribed.
    // Alternate titles +602 -665 and tasks +26 -25 in 79 occupations.
    assertThat(d.counts()).isEqualTo(new TaxonomyDiff.Counts(1016, 1016, 0, 0, 0, 0, 79, 79, 602, 665, 26, 25));
    assertThat(d.texts()).filteredOn(c -> c.code().equals("11-9051.00")).singleElement().satisfies(c -> {
      assertThat(c.alternateTitlesAdded()).hasSize(14).contains("Restaurateur", "Front of House Manager (FOH Manager)");
      assertThat(c.alternateTitlesRemoved()).hasSize(11).contains("Restauranteur", "Front of House Manager");
      assertThat(c.tasksAdded()).containsExactly("Create specialty dishes and develop recipes to be used in dining "
          + "facilities.", "Take dining reservations.");
    });
  }

  @Test
  void managementEducationAndFoodServiceMovedMost() {
    var groups = onet29To30().byMajorGroup();
    assertThat(groups).hasSize(23);
    assertThat(groups.stream().sorted(Comparator.comparingInt(TaxonomyDiff.GroupCounts::moved).reversed()
        .thenComparing(TaxonomyDiff.GroupCounts::majorGroup)).limit(4))
        .extracting(TaxonomyDiff.GroupCounts::majorGroup, TaxonomyDiff.GroupCounts::changed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("11", 8), org.assertj.core.groups.Tuple.tuple("25", 8),
            org.assertj.core.groups.Tuple.tuple("35", 8), org.assertj.core.groups.Tuple.tuple("13", 7));
    assertThat(groups).filteredOn(g -> g.changed() == 0).extracting(TaxonomyDiff.GroupCounts::majorGroup)
        .containsExactly("31", "37", "41", "55");
  }
}
