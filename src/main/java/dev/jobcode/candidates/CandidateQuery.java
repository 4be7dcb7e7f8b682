package dev.jobcode.candidates;

import dev.jobcode.index.CandidateFilter;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.classify.Query;
import java.util.Objects;

/**
 * A candidate search: by {@code text} (a CV or a job opening) or by the {@code id} of an indexed CV
 * (exactly one of the two), the number of candidates wanted, and a filter.
 */
public record CandidateQuery(String text, String id, int k, CandidateFilter filter) {
  public static final int DEFAULT_K = 10;
  public static final int MAX_K = 100;
  public static final int MAX_TEXT_CHARS = 20_000;

  public CandidateQuery {
    if ((text == null) == (id == null)) {
      throw new InvalidQueryException("give either text (a CV or a job opening) or id (of an indexed CV), not "
          + (text == null ? "neither" : "both"));
    }
    if (text != null) {
      text = Query.clean(text, "text", MAX_TEXT_CHARS);
      if (text.isEmpty()) {
        throw new InvalidQueryException("text must not be empty");
      }
    }
    if (id != null && id.isBlank()) {
      throw new InvalidQueryException("id must not be empty");
    }
    if (k < 1 || k > MAX_K) {
      throw new InvalidQueryException("k must be between 1 and " + MAX_K + ", got " + k);
    }
    Objects.requireNonNull(filter, "filter");
  }
}
