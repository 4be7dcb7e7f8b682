package dev.jobcode.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which candidates a search may return; every field is optional (null: any). Applied inside the
 * vector search (Lucene's filtered kNN), so a selective filter still returns k candidates whenever
 * k match.
 */
public record CandidateFilter(List<String> onetCodes, String majorGroup, String level, Integer minYears, Boolean it,
                              List<String> skills, boolean labelledOnly) {
  public static final CandidateFilter NONE = new CandidateFilter(List.of(), null, null, null, null, List.of(), false);

  /**
   * @param onetCodes O*NET-SOC codes a CV's code must be one of (empty: any); several when a code
   *     was written as SOC 2018 or 2010 and means several occupations
   * @param skills O*NET skill names a CV must all name (empty: any)
   */
  public CandidateFilter {
    onetCodes = onetCodes == null ? List.of() : onetCodes.stream().distinct().sorted().toList();
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  /** @param onetCode one O*NET-SOC code, or null for any */
  public CandidateFilter(String onetCode, String majorGroup, String level, Integer minYears, Boolean it) {
    this(onetCode == null ? List.of() : List.of(onetCode), majorGroup, level, minYears, it, List.of(), false);
  }

  /** The same filter, admitting only CVs with an O*NET code given by their owner (voters). */
  public CandidateFilter withLabelledOnly() {
    return new CandidateFilter(onetCodes, majorGroup, level, minYears, it, skills, true);
  }

  /** The same filter, admitting only CVs that name every one of {@code skills} (O*NET names). */
  public CandidateFilter withSkills(List<String> skills) {
    return new CandidateFilter(onetCodes, majorGroup, level, minYears, it, skills, labelledOnly);
  }

  /** The same filter, admitting only CVs whose code is one of {@code codes} (empty: any). */
  public CandidateFilter withOnetCodes(List<String> codes) {
    return new CandidateFilter(codes, majorGroup, level, minYears, it, skills, labelledOnly);
  }

  /** How a skill's name is indexed and looked up. */
  public static String skillTerm(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  /** The Lucene filter, leaving out the CVs in {@code excludedIds}; empty when nothing is filtered. */
  Optional<Query> query(Collection<String> excludedIds) {
    List<Query> required = new ArrayList<>();
    if (onetCodes.size() == 1) {
      required.add(term(Fields.CV_ONET_CODE, onetCodes.get(0)));
    } else if (!onetCodes.isEmpty()) {   // any of them
      required.add(new TermInSetQuery(Fields.CV_ONET_CODE, onetCodes.stream().map(BytesRef::new).toList()));
    }
    if (majorGroup != null) {
      required.add(term(Fields.CV_MAJOR_GROUP, majorGroup));
    }
    if (level != null) {
      required.add(term(Fields.CV_LEVEL, level));
    }
    if (minYears != null) {
      required.add(IntPoint.newRangeQuery(Fields.CV_YEARS, minYears, Integer.MAX_VALUE));
    }
    if (it != null) {
      required.add(term(Fields.CV_IT, it.toString()));
    }
    if (labelledOnly) {
      required.add(term(Fields.CV_LABELLED, "true"));
    }
    for (String skill : skills) {
      required.add(term(Fields.CV_SKILL, skillTerm(skill)));
    }
    if (required.isEmpty() && excludedIds.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (required.isEmpty()) {
      required.add(new MatchAllDocsQuery());   // a query of MUST_NOT clauses alone matches nothing
    }
    required.forEach(q -> b.add(q, BooleanClause.Occur.FILTER));
    if (!excludedIds.isEmpty()) {
      b.add(new TermInSetQuery(Fields.CV_ID, excludedIds.stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.MUST_NOT);
    }
    return Optional.of(b.build());
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
