package dev.jobcode.classify;

import dev.jobcode.index.Hit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the title channel found for one query: the nearest title documents, best first; the
 * exact-title bonus's split; each occupation's vote share before smoothing; its final share; and
 * the documents left out of the index (a training query's own title), none when classifying.
 */
record TitleChannel(List<Hit> hits, Map<String, Double> exactSplit, Map<String, Double> votes,
                    Map<String, Double> scores, Set<Integer> excludedDocs) {}
