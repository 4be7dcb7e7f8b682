package dev.jobcode.classify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import java.util.Optional;

/**
 * Answers already given by one {@link Classifier}, for queries that repeat (a batch file of titles,
 * the same title asked by many clients). Keyed by the whole {@link Query} (its cleaned title,
 * description, k and mode): the index, model, settings and re-ranker are the classifier's own, and a
 * classifier of another index or re-ranker gets a {@link #fresh} cache, so an answer is never served
 * from anything but what made it. Bounded by an estimate of the answers' bytes (Caffeine's W-TinyLFU
 * eviction). The hit and miss counts are shared by a cache and its fresh copies, so they keep counting
 * across index swaps.
 */
public final class AnswerCache {
  /** The default bound: about 20,000 title answers of k 5. */
  public static final int DEFAULT_MEGABYTES = 64;

  private final long maxBytes;
  private final ConcurrentStatsCounter stats;
  private final Cache<Query, Classification> answers;   // null when off

  private AnswerCache(long maxBytes, ConcurrentStatsCounter stats) {
    this.maxBytes = maxBytes;
    this.stats = stats;
    answers = maxBytes == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Query q, Classification c) -> bytes(c))
        .recordStats(() -> stats)
        .executor(Runnable::run)   // evict on the caller's thread: the common pool may be busy or a single thread
        .build();
  }

  /** A cache of at most {@code megabytes} (estimated); 0 keeps nothing. */
  public static AnswerCache ofMegabytes(int megabytes) {
    if (megabytes < 0) {
      throw new IllegalArgumentException("the answer cache's size must be 0 (off) or more megabytes, got " + megabytes);
    }
    return new AnswerCache(megabytes * (1L << 20), new ConcurrentStatsCounter());
  }

  /** No cache: every query is answered afresh. */
  public static AnswerCache off() {
    return ofMegabytes(0);
  }

  /** An empty cache of the same size that adds to the same hit and miss counts: for another index or re-ranker. */
  public AnswerCache fresh() {
    return new AnswerCache(maxBytes, stats);
  }

  public boolean enabled() {
    return answers != null;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The answer given before to {@code query}, counted as a hit, or empty, counted as a miss. */
  Optional<Classification> get(Query query) {
    return answers == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(query));
  }

  /** A query answered by another of the same batch: counted as a hit, as the cache would have served it. */
  void countRepeat() {
    if (answers != null) {
      stats.recordHits(1);
    }
  }

  void put(Classification answer) {
    if (answers != null) {
      answers.put(answer.query(), answer);
    }
  }

  /** Forgets every answer, keeping the counts (a measurement's rounds each start cold). */
  public void clear() {
    if (answers != null) {
      answers.invalidateAll();
    }
  }

  /** Hits and misses since the first of this cache's line was made (all zero when off). */
  public CacheStats stats() {
    return stats.snapshot();
  }

  /** The estimated bytes of the answers held now. */
  public long bytes() {
    return answers == null ? 0 : answers.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  /** Answers held now (approximately, as Caffeine counts). */
  public long size() {
    return answers == null ? 0 : answers.estimatedSize();
  }

  /**
   * A rough estimate of an answer's heap bytes, the query's text counted twice (key and answer share
   * it, but its cleaning made a copy): enough to bound the cache, not an exact measure.
   */
  static int bytes(Classification c) {
    long text = c.query().title().length() + c.query().description().length();
    long bytes = 512 + 2 * text + c.skills().size() * 160L;
    for (OccupationMatch m : c.results()) {
      bytes += 400;
      for (var e : m.evidence()) {
        bytes += 120 + 2L * e.text().length();
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
