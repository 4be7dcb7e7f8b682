package dev.jobcode.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.index.CandidateFilter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;

/** Each filter of the API as the OpenSearch query that goes inside the k-NN search. */
class OpenSearchFiltersTest {
  private static String json(Query q) {
    JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    StringWriter out = new StringWriter();
    try (var generator = mapper.jsonProvider().createGenerator(out)) {
      q.serialize(generator, mapper);
    }
    return out.toString();
  }

  @Test
  void noFilterAndNoExclusionIsNoQuery() {
    assertThat(OpenSearchFilters.of(CandidateFilter.NONE, Set.of())).isEmpty();
  }

  @Test
  void everyFieldIsARequiredClauseAndSkillsAreMatchedInLowerCase() {
    CandidateFilter f = new CandidateFilter(List.of("29-1141.00"), "29", "senior", 5, Boolean.TRUE,
        List.of("Microsoft Excel", "SAP"), true);
    String q = json(OpenSearchFilters.of(f, Set.of()).orElseThrow());
    assertThat(q).isEqualTo("{\"bool\":{\"filter\":["
        + "{\"term\":{\"onet_code\":{\"value\":\"29-1141.00\"}}},"
        + "{\"term\":{\"major_group\":{\"value\":\"29\"}}},"
        + "{\"term\":{\"level\":{\"value\":\"senior\"}}},"
        + "{\"range\":{\"years\":{\"gte\":5}}},"
        + "{\"term\":{\"it\":{\"value\":true}}},"
        + "{\"term\":{\"labelled\":{\"value\":true}}},"
        + "{\"term\":{\"skills\":{\"value\":\"microsoft excel\"}}},"
        + "{\"term\":{\"skills\":{\"value\":\"sap\"}}}]}}");
  }

  @Test
  void severalCodesAreOneTermsClauseThatAdmitsAnyOfThem() {
    CandidateFilter f = new CandidateFilter(List.of("43-4051.00", "43-4041.00"), null, null, null, null, List.of(),
        false);
    assertThat(json(OpenSearchFilters.of(f, Set.of()).orElseThrow())).isEqualTo("{\"bool\":{\"filter\":["
        + "{\"terms\":{\"onet_code\":[\"43-4041.00\",\"43-4051.00\"]}}]}}");
  }

  @Test
  void excludedIdsAreLeftOutEvenWithoutAFilter() {
    String q = json(OpenSearchFilters.of(CandidateFilter.NONE, List.of("cv-1", "cv-2")).orElseThrow());
    assertThat(q).isEqualTo("{\"bool\":{\"must_not\":[{\"ids\":{\"values\":[\"cv-1\",\"cv-2\"]}}]}}");
  }

  @Test
  void aTargetIsCheckedAndNeverShowsItsPassword() {
    OpenSearchTarget t = OpenSearchTarget.of("http://10.0.0.1:9200, https://10.0.0.2:9200", "pool")
        .withCredentials("jobcode", "s3cret");
    assertThat(t.urls()).hasSize(2);
    assertThat(t.location()).isEqualTo("http://10.0.0.1:9200/pool (+1 nodes)");
    assertThat(t.toString()).doesNotContain("s3cret").contains("user jobcode");
    assertThatThrownBy(() -> OpenSearchTarget.of("10.0.0.1:9200", "pool"))
        .hasMessageContaining("http://HOST:PORT");
    assertThatThrownBy(() -> OpenSearchTarget.of("http://h:9200", "Pool"))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> OpenSearchTarget.of("http://h:9200", "pool").withLayout(0, 1, 100))
        .hasMessageContaining("shards must be 1..1024");
    assertThatThrownBy(() -> OpenSearchTarget.of(" ", "pool")).hasMessageContaining("--opensearch-url");
  }
}
