package dev.jobcode.opensearch;

import dev.jobcode.corpus.Cv;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.PooledCv;
import java.util.List;

/**
 * A CV as an OpenSearch document: the pooled CV itself kept whole in {@code entry} (not indexed),
 * the fields that filter it, and its vector. The document's {@code _id} is the CV's id.
 */
record PoolDocument(String id, String textHash, PooledCv entry, float[] vector, String onetCode, String majorGroup,
                    String level, Integer years, Boolean it, boolean labelled, List<String> skills, String addedAt) {

  static PoolDocument of(PooledCv entry, float[] vector, String textHash) {
    Cv cv = entry.cv();
    return new PoolDocument(cv.id(), textHash, entry, vector, cv.onetCode(), cv.majorGroup(), cv.level(), cv.years(),
        cv.it(), entry.votes(), entry.skillNames().stream().map(name -> CandidateFilter.skillTerm(name)).toList(),
        entry.addedAt());
  }
}
