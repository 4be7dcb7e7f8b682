package dev.jobcode.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.OnetReleases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyDiffTest {
  @TempDir
  Path tmp;

  private TaxonomyDiff diff() {
    return TaxonomyDiff.between(OnetLoader.load(OnetReleases.older(tmp), Optional.empty()),
        OnetLoader.load(OnetReleases.newer(tmp), Optional.empty()));
  }

  @Test
  void findsWhatTheHandMadeReleasesChanged() {
    TaxonomyDiff d = diff();

    assertThat(d.from()).isEqualTo(new TaxonomyDiff.Release("O*NET-SOC", "98.1"));
    assertThat(d.to()).isEqualTo(new TaxonomyDiff.Release("O*NET-SOC", "98.2"));
    assertThat(d.added()).containsExactly(
        new TaxonomyDiff.OccupationRef("53-3032.00", "Heavy and Tractor-Trailer Truck Drivers"));
    assertThat(d.removed()).containsExactly(new TaxonomyDiff.OccupationRef("47-2111.00", "Electricians"));
    assertThat(d.retitled()).containsExactly(
        new TaxonomyDiff.Retitled("15-1252.00", "Software Developers", "Software Engineers"));
    assertThat(d.redescribed()).containsExactly(new TaxonomyDiff.Redescribed("29-1141.00", "Registered Nurses",
        "Care for patients.", "Assess and care for patients."));
    // 11-1011.00 changed only in case and spacing; 29-1141.00's new task repeats its description.
    assertThat(d.texts()).containsExactly(new TaxonomyDiff.TextChanges("15-1252.00", "Software Engineers",
        List.of("Developer"), List.of("Coder"), List.of("Review code changes."), List.of("Test code.")));
    assertThat(d.counts()).isEqualTo(new TaxonomyDiff.Counts(4, 4, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1));
  }

  @Test
  void countsEveryMajorGroupEitherReleaseHas() {
    assertThat(diff().byMajorGroup()).containsExactly(
        new TaxonomyDiff.GroupCounts("11", "Management Occupations", 1, 1, 0, 0, 0, 0, 0, 0),
        new TaxonomyDiff.GroupCounts("15", "Computer and Mathematical Occupations", 1, 1, 0, 0, 1, 0, 1, 1),
        new TaxonomyDiff.GroupCounts("29", "Healthcare Practitioners and Technical Occupations", 1, 1, 0, 0, 0, 1, 0, 1),
        new TaxonomyDiff.GroupCounts("47", "Construction and Extraction Occupations", 1, 0, 0, 1, 0, 0, 0, 0),
        new TaxonomyDiff.GroupCounts("53", "Transportation and Material Moving Occupations", 0, 1, 1, 0, 0, 0, 0, 0));
    assertThat(diff().byMajorGroup().get(1).moved()).isEqualTo(1);
  }

  @Test
  void aReleaseComparedWithItselfHasNoChangeAndTheReverseSwapsAddedAndRemoved() {
    Taxonomy older = OnetLoader.load(OnetReleases.older(tmp), Optional.empty());
    Taxonomy newer = OnetLoader.load(OnetReleases.newer(tmp), Optional.empty());

    TaxonomyDiff same = TaxonomyDiff.between(newer, newer);
    assertThat(same.counts()).isEqualTo(new TaxonomyDiff.Counts(4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(same.added()).isEmpty();
    assertThat(same.texts()).isEmpty();

    TaxonomyDiff back = TaxonomyDiff.between(newer, older);
    assertThat(back.added()).extracting(TaxonomyDiff.OccupationRef::code).containsExactly("47-2111.00");
    assertThat(back.removed()).extracting(TaxonomyDiff.OccupationRef::code).containsExactly("53-3032.00");
    assertThat(back.texts().get(0).tasksAdded()).containsExactly("Test code.");
  }

  @Test
  void itsJsonHasStableSnakeCaseNames() {
    JsonNode json = Json.MAPPER.valueToTree(diff());

    assertThat(json.at("/from/version").asText()).isEqualTo("98.1");
    assertThat(json.at("/counts/alternate_titles_added").asInt()).isEqualTo(1);
    assertThat(json.at("/counts/occupations_before").asInt()).isEqualTo(4);
    assertThat(json.at("/retitled/0/old_title").asText()).isEqualTo("Software Developers");
    assertThat(json.at("/redescribed/0/new_description").asText()).isEqualTo("Assess and care for patients.");
    assertThat(json.at("/texts/0/tasks_removed/0").asText()).isEqualTo("Test code.");
    assertThat(json.at("/by_major_group/4/major_group").asText()).isEqualTo("53");
    List<String> groupFields = new java.util.ArrayList<>();
    json.at("/by_major_group/0").fieldNames().forEachRemaining(groupFields::add);
    assertThat(groupFields).containsExactly("major_group", "title", "occupations_before", "occupations_after", "added",
        "removed", "retitled", "redescribed", "with_text_changes", "changed");
    assertThat(json.at("/texts/0").has("empty")).isFalse();
    assertThat(Json.pretty(diff())).as("same releases, same bytes").isEqualTo(Json.pretty(diff()));
  }
}
