package dev.jobcode.index;

import java.util.Collection;
import java.util.Optional;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Which candidates a search may return; every field is optional (null: any). Applied inside the
 * vector search (Lucene's filtered kNN), so a selective filter still returns k candidates whenever
 * k match.
 */
public record CandidateFilter(String onetCode, String majorGroup, String level, Integer minYears, Boolean it,
                              boolean labelledOnly) {
  public static final CandidateFilter NONE = new CandidateFilter(null, null, null, null, null, false);

  public CandidateFilter(String onetCode, String majorGroup, String level, Integer minYears, Boolean it) {
    this(onetCode, majorGroup, level, minYears, it, false);
  }

  /** The same filter, admitting only CVs with an O*NET code (voters). */
  public CandidateFilter withLabelledOnly() {
    return new CandidateFilter(onetCode, majorGroup, level, minYears, it, true);
  }

  /** The Lucene filter, leaving out the CVs in {@code excludedIds}; empty when nothing is filtered. */
  Optional<Query> query(Collection<String> excludedIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (onetCode != null) {
      b.add(new TermQuery(new Term(Fields.CV_ONET_CODE, onetCode)), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (majorGroup != null) {
      b.add(new TermQuery(new Term(Fields.CV_MAJOR_GROUP, majorGroup)), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (level != null) {
      b.add(new TermQuery(new Term(Fields.CV_LEVEL, level)), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (minYears != null) {
      b.add(IntPoint.newRangeQuery(Fields.CV_YEARS, minYears, Integer.MAX_VALUE), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (it != null) {
      b.add(new TermQuery(new Term(Fields.CV_IT, it.toString())), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (labelledOnly) {
      b.add(new TermQuery(new Term(Fields.CV_LABELLED, "true")), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (!excludedIds.isEmpty()) {
      if (!any) {
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
      }
      b.add(new TermInSetQuery(Fields.CV_ID, excludedIds.stream().map(org.apache.lucene.util.BytesRef::new).toList()),
          BooleanClause.Occur.MUST_NOT);
      any = true;
    }
    return any ? Optional.of(b.build()) : Optional.empty();
  }
}
