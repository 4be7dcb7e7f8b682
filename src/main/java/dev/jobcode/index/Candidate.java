package dev.jobcode.index;

import dev.jobcode.corpus.Cv;

/**
 * Who a CV is and its labels (null when it has none), as search results show them; the full CV is
 * read on demand ({@link CandidatePool#get}).
 */
public record Candidate(String id, String name, String headline, String onetCode, String majorGroup,
                        String level, Integer years, Boolean it) {
  public static Candidate of(PooledCv entry) {
    Cv cv = entry.cv();
    return new Candidate(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.majorGroup(), cv.level(),
        cv.years(), cv.it());
  }
}
