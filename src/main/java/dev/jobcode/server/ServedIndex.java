package dev.jobcode.server;

import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.classify.Classifier;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.OnetIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index the server answers from, switchable while requests run. Each request works on one
 * {@link Generation} from start to end; {@link #swap} opens and checks the new index first, installs
 * it for the requests that start afterwards, and closes the old one when its last request has
 * finished. Lucene's {@link ReferenceManager} does the counting, as it does for searchers.
 */
public final class ServedIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServedIndex.class);

  /** One opened index with what answers from it. */
  public static final class Generation {
    private final Classifier classifier;
    private final CandidateSearch candidates;
    private final AtomicInteger refs = new AtomicInteger(1);

    private Generation(Classifier classifier, CandidateStore pool) {
      this.classifier = classifier;
      this.candidates = CandidateSearch.of(classifier, pool);
    }

    public Classifier classifier() {
      return classifier;
    }

    public CandidateSearch candidates() {
      return candidates;
    }

    public OnetIndex index() {
      return classifier.index();
    }
  }

  private final Manager manager;
  private final CandidateStore pool;
  private final PoolFill fill;
  private final Object swapLock = new Object();

  /**
   * Serves {@code classifier}'s index and takes it over: it is closed once swapped out and idle, or
   * when this closes. The encoder stays its owner's, and so does {@code pool} (null: no candidates),
   * which every generation shares: a swap changes the occupations, never the CVs.
   */
  public ServedIndex(Classifier classifier, CandidateStore pool) {
    this(classifier, pool, PoolFill.complete());
  }

  /** As above, with a pool that {@code fill} is still filling: candidate calls wait for it ({@link PoolFill}). */
  public ServedIndex(Classifier classifier, CandidateStore pool, PoolFill fill) {
    this.pool = pool;
    this.fill = Objects.requireNonNull(fill, "fill");
    manager = new Manager(new Generation(Objects.requireNonNull(classifier, "classifier"), pool));
  }

  /** The candidate pool every generation searches, if there is one. */
  public Optional<CandidateStore> pool() {
    return Optional.ofNullable(pool);
  }

  /** Whether the pool is complete, or how far its filling has got. */
  public PoolFill poolFill() {
    return fill;
  }

  /** Runs {@code work} on the current generation, which stays open until it returns. */
  public <T> T with(Function<Generation, T> work) {
    Generation g = acquire();
    try {
      return work.apply(g);
    } finally {
      release(g);
    }
  }

  /** The current generation, for a quick read that does not touch the index files (e.g. its meta). */
  public Generation current() {
    return with(g -> g);
  }

  /**
   * Opens the index in {@code dir} with the running model and settings and makes it the one served,
   * with the same candidate pool. Throws {@link IndexException}, and keeps serving the old index, when
   * the new one is missing, incomplete, corrupt, written by a Lucene this one cannot read, or built
   * with another model than the one that encoded the pool (the model that runs).
   */
  public Generation swap(Path dir) {
    return swap(dir, (before, now) -> now);
  }

  /**
   * Swaps as {@link #swap(Path)} does, then hands the generation served before and the one served
   * now to {@code compare}, both held open until it returns.
   */
  public <T> T swap(Path dir, BiFunction<Generation, Generation, T> compare) {
    synchronized (swapLock) {
      Generation old = acquire();
      try {
        Classifier current = old.classifier;
        OnetIndex index = OnetIndex.open(dir, current.encoder().model());
        Generation next;
        try {
          index.skills();   // read now, not on a request: an index is installed only once all of it has been read
          next = new Generation(current.withIndex(index), pool);
        } catch (RuntimeException e) {
          index.close();
          throw e;
        }
        manager.install(next);
        LOG.info("now serving {} {} from {}", next.index().meta().taxonomy().name(),
            next.index().meta().taxonomy().version(), dir);
        return with(now -> compare.apply(old, now));   // under swapLock, "now" is next
      } finally {
        release(old);
      }
    }
  }

  private Generation acquire() {
    try {
      return manager.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(Generation g) {
    try {
      manager.release(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      manager.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reference counting of generations; a swap hands over a generation that was opened beforehand. */
  private static final class Manager extends ReferenceManager<Generation> {
    private Generation next;

    Manager(Generation first) {
      current = first;
    }

    void install(Generation g) {
      next = g;
      try {
        maybeRefreshBlocking();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        next = null;
      }
    }

    @Override
    protected Generation refreshIfNeeded(Generation referenceToRefresh) {
      return next;
    }

    @Override
    protected boolean tryIncRef(Generation g) {
      int count;
      while ((count = g.refs.get()) > 0) {
        if (g.refs.compareAndSet(count, count + 1)) {
          return true;
        }
      }
      return false;
    }

    @Override
    protected void decRef(Generation g) {
      if (g.refs.decrementAndGet() == 0) {
        g.classifier.index().close();
      }
    }

    @Override
    protected int getRefCount(Generation g) {
      return g.refs.get();
    }
  }
}
