package dev.jobcode.opensearch;

import dev.jobcode.index.CandidateFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A {@link CandidateFilter} as an OpenSearch query, for the {@code filter} of a k-NN query (applied
 * inside the HNSW search, as Lucene's filtered kNN is in the embedded store). The same fields and
 * the same skill terms as the embedded store's filter.
 */
final class OpenSearchFilters {
  private OpenSearchFilters() {}

  /** Empty when nothing is filtered. */
  static Optional<Query> of(CandidateFilter filter, Collection<String> excludedIds) {
    List<Query> required = new ArrayList<>();
    if (filter.onetCodes().size() == 1) {
      required.add(term(OpenSearchPool.F_ONET_CODE, filter.onetCodes().get(0)));
    } else if (!filter.onetCodes().isEmpty()) {   // any of them
      List<FieldValue> codes = filter.onetCodes().stream().map(FieldValue::of).toList();
      required.add(Query.of(q -> q.terms(t -> t.field(OpenSearchPool.F_ONET_CODE).terms(v -> v.value(codes)))));
    }
    if (filter.majorGroup() != null) {
      required.add(term(OpenSearchPool.F_MAJOR_GROUP, filter.majorGroup()));
    }
    if (filter.level() != null) {
      required.add(term(OpenSearchPool.F_LEVEL, filter.level()));
    }
    if (filter.minYears() != null) {
      required.add(Query.of(q -> q.range(r -> r.field(OpenSearchPool.F_YEARS).gte(JsonData.of(filter.minYears())))));
    }
    if (filter.it() != null) {
      required.add(Query.of(q -> q.term(t -> t.field(OpenSearchPool.F_IT).value(FieldValue.of(filter.it())))));
    }
    if (filter.labelledOnly()) {
      required.add(Query.of(q -> q.term(t -> t.field(OpenSearchPool.F_LABELLED).value(FieldValue.of(true)))));
    }
    for (String skill : filter.skills()) {
      required.add(term(OpenSearchPool.F_SKILLS, CandidateFilter.skillTerm(skill)));
    }
    boolean exclude = excludedIds != null && !excludedIds.isEmpty();
    if (required.isEmpty() && !exclude) {
      return Optional.empty();
    }
    return Optional.of(Query.of(q -> q.bool(b -> {
      if (!required.isEmpty()) {
        b.filter(required);
      }
      if (exclude) {
        b.mustNot(m -> m.ids(i -> i.values(List.copyOf(excludedIds))));
      }
      return b;
    })));
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }
}
