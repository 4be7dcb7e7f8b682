package dev.jobcode.index;

import dev.jobcode.corpus.Cv;

/**
 * What the candidate index keeps in memory about one CV: who, and its labels (null when the CV
 * has none). The full CV is read on demand ({@link CandidateIndex#cv}).
 */
public record Candidate(int doc, String id, String name, String headline, String onetCode, String majorGroup,
                        String level, Integer years, Boolean it) {
  static Candidate of(int doc, Cv cv) {
    return new Candidate(doc, cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.majorGroup(), cv.level(),
        cv.years(), cv.it());
  }
}
