package dev.jobcode.index;

import dev.jobcode.corpus.Cv;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * The candidate pool: CVs with their vectors in a Lucene index of their own ({@code lucene/}
 * below the pool's folder, with {@code meta.json} beside it), apart from the occupation index, so
 * that a new O*NET release leaves the pool alone. Thread-safe.
 *
 * <p>Writes: one {@link IndexWriter}, held for the pool's life (a second process that tries to
 * write is refused with {@link PoolBusyException}); every write is committed before it returns, so
 * an acknowledged change survives a crash, and the searcher is refreshed before it returns, so the
 * change is visible to the next search. A deleted or replaced CV's text stays in its segment until
 * that segment is merged; every segment with a deletion is merged within {@link #MERGE_DELAY} of the
 * change, and at the latest on {@link #close}, so that an erased text leaves the files.
 *
 * <p>A pool opened read-only ({@link #openReadOnly}) sees the pool as it was committed when it opened.
 */
public final class CandidatePool implements CandidateStore {
  public static final String LUCENE_DIR = "lucene";
  /** How soon after a delete or replace the old text is merged out of the files. */
  public static final Duration MERGE_DELAY = Duration.ofSeconds(10);

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter writer;            // null when read-only
  private final SearcherManager searchers;
  private final Object writeLock = new Object();
  private final ScheduledExecutorService merger;
  private final Duration mergeDelay;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile PoolMeta meta;
  private boolean mergePending;                // guarded by writeLock

  private CandidatePool(Path dir, PoolMeta meta, FSDirectory directory, IndexWriter writer, Duration mergeDelay)
      throws IOException {
    this.dir = dir;
    this.meta = meta;
    this.directory = directory;
    this.writer = writer;
    this.mergeDelay = mergeDelay;
    this.searchers = writer == null ? new SearcherManager(directory, null) : new SearcherManager(writer, null);
    this.merger = writer == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pool-merge");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the pool in {@code dir} for reading and writing, creating an empty one (encoded by
   * {@code model}) when there is none. Refuses a pool encoded with another model, and a pool that
   * another process is writing to.
   */
  public static CandidatePool open(Path dir, ModelInfo model, HnswParams hnsw) {
    return open(dir, model, hnsw, MERGE_DELAY);
  }

  /** As above, merging deletions {@code mergeDelay} after a change (tests shorten it). */
  public static CandidatePool open(Path dir, ModelInfo model, HnswParams hnsw, Duration mergeDelay) {
    Objects.requireNonNull(model, "model");
    if (!PoolMeta.exists(dir)) {
      create(dir, model, hnsw);
    }
    return CandidateStore.checked(openWriter(dir, PoolMeta.read(dir), mergeDelay), model);
  }

  /**
   * Opens an existing pool for reading and writing, with no model check: for changes that need no
   * encoding (deletes) and for re-encoding it.
   */
  public static CandidatePool openExisting(Path dir) {
    return openWriter(dir, PoolMeta.read(dir), MERGE_DELAY);
  }

  /**
   * Encodes every CV of the pool in {@code dir} again with {@code encoder}, from the stored texts,
   * into a new pool that replaces the old one when complete; a failure leaves the old one as it was.
   * The old pool's write lock is held throughout, so no server writes to it meanwhile.
   */
  public static PoolMeta reencode(Path dir, Encoder encoder, HnswParams hnsw, ProgressListener progress) {
    CandidatePool old = openExisting(dir);
    Path tmp = null;
    try {
      List<PooledCv> all = old.list();
      tmp = Files.createTempDirectory(dir.toAbsolutePath().normalize().getParent(), "." + dir.getFileName() + ".tmp-");
      Files.delete(tmp);
      createAt(tmp, encoder.model(), hnsw);
      try (CandidatePool fresh = openWriter(tmp, PoolMeta.read(tmp), MERGE_DELAY)) {
        PoolCopy.copy(all, chunk -> encoder.encode(chunk.stream().map(e -> e.cv().text()).toList()), fresh, progress);
      }
      old.close();
      IndexDirectories.replace(tmp, dir);
      return PoolMeta.read(dir);
    } catch (IOException e) {
      throw new IndexException("re-encoding the candidate pool in " + dir + " failed: " + e.getMessage(), e);
    } finally {
      old.close();
      if (tmp != null) {
        try {
          IOUtils.rm(tmp);
        } catch (IOException e) {
          // a leftover temporary folder is cleared by the next build or re-encoding
        }
      }
    }
  }

  /** Opens an existing pool to read only, with no model check; it sees the last commit. */
  public static CandidatePool openReadOnly(Path dir) {
    PoolMeta meta = PoolMeta.read(dir);
    return LuceneFolders.open(dir.resolve(LUCENE_DIR), "candidate pool", "'jobcode candidates reencode'",
        (directory, reader) -> {
          reader.close();
          return new CandidatePool(dir, meta, directory, null, MERGE_DELAY);
        });
  }

  private static CandidatePool openWriter(Path dir, PoolMeta meta, Duration mergeDelay) {
    FSDirectory directory = null;
    IndexWriter writer = null;
    try {
      directory = FSDirectory.open(dir.resolve(LUCENE_DIR));
      writer = new IndexWriter(directory, config(meta.hnsw(), IndexWriterConfig.OpenMode.APPEND));
      CandidatePool pool = new CandidatePool(dir, meta, directory, writer, mergeDelay);
      pool.checkMeta();
      return pool;
    } catch (LockObtainFailedException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      throw new PoolBusyException(dir, e);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      if (e instanceof IndexException ie) {
        throw ie;
      }
      throw new IndexException("cannot open the candidate pool in " + dir + " (" + e.getMessage()
          + "); it is incomplete or corrupt", e);
    }
  }

  /** Writes an empty pool into {@code dir}: in a temporary sibling first, renamed when complete. */
  private static void create(Path dir, ModelInfo model, HnswParams hnsw) {
    try {
      if (Files.isDirectory(dir)) {
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IndexException(dir + " is not empty and holds no candidate pool (no " + PoolMeta.FILE
                + "); name an empty or new folder");
          }
        }
        Files.delete(dir);
      }
      Path tmp = IndexDirectories.newTemporary(dir);
      try {
        Files.delete(tmp);
        createAt(tmp, model, hnsw);
        IndexDirectories.replace(tmp, dir);
      } finally {
        IOUtils.rm(tmp);
      }
    } catch (IOException e) {
      throw new IndexException("cannot create a candidate pool in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes an empty pool into the new folder {@code dir}. */
  private static void createAt(Path dir, ModelInfo model, HnswParams hnsw) throws IOException {
    Files.createDirectories(dir.resolve(LUCENE_DIR));
    try (FSDirectory d = FSDirectory.open(dir.resolve(LUCENE_DIR));
         IndexWriter w = new IndexWriter(d, config(hnsw, IndexWriterConfig.OpenMode.CREATE))) {
      w.commit();
    }
    String now = now();
    new PoolMeta(PoolMeta.FORMAT, model, hnsw, 0, 0, now, now).write(dir);
  }

  private static IndexWriterConfig config(HnswParams hnsw, IndexWriterConfig.OpenMode mode) {
    return config(IndexBuilder.codec(hnsw), mode);
  }

  /** The pool's writer settings, with {@code codec}: also those of {@link PoolBulkWriter}. */
  static IndexWriterConfig config(Codec codec, IndexWriterConfig.OpenMode mode) {
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setForceMergeDeletesPctAllowed(0);   // any segment with a deleted CV is rewritten without it
    return new IndexWriterConfig()
        .setCodec(codec)
        .setMergePolicy(merges)
        .setRAMBufferSizeMB(256)
        .setOpenMode(mode);
  }

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public String reencodeCommand() {
    return "jobcode candidates reencode --pool " + dir;
  }

  public Path dir() {
    return dir;
  }

  public PoolMeta meta() {
    return meta;
  }

  public boolean writable() {
    return writer != null;
  }

  /** How soon after a delete or replace its text is merged out of the files. */
  public Duration mergeDelay() {
    return mergeDelay;
  }

  /** CVs in the pool now. */
  public int size() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  public Optional<PooledCv> get(String id) {
    return withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(new Term(Fields.CV_ID, id)), 1);
      return top.scoreDocs.length == 0 ? Optional.<PooledCv>empty() : Optional.of(read(s, top.scoreDocs[0].doc));
    });
  }

  /** Every CV, by id. */
  public List<PooledCv> list() {
    return withSearcher(s -> {
      List<PooledCv> all = new ArrayList<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            all.add(read(s, leaf.docBase + doc));
          }
        }
      }
      all.sort(Comparator.comparing(PooledCv::id));
      return all;
    });
  }

  /** The stored vector of a CV, if the pool has it. */
  public Optional<float[]> vector(String id) {
    return withSearcher(s -> {
      IdLookup term = new IdLookup(id);
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        int doc = term.liveDoc(leaf);
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          continue;
        }
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.CV_VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc) == doc) {
          return Optional.of(values.vectorValue(it.index()).clone());
        }
      }
      return Optional.<float[]>empty();
    });
  }

  /**
   * The {@code k} CVs nearest to unit vector {@code query} among those {@code filter} admits, less
   * {@code excludedIds}; best first, ties by id.
   */
  public List<Match> search(float[] query, int k, CandidateFilter filter, Collection<String> excludedIds) {
    return withSearcher(s -> {
      var luceneFilter = filter.query(excludedIds == null ? Set.of() : excludedIds);
      var knn = luceneFilter.map(f -> new KnnFloatVectorQuery(Fields.CV_VECTOR, query, k, f))
          .orElseGet(() -> new KnnFloatVectorQuery(Fields.CV_VECTOR, query, k));
      List<Match> matches = new ArrayList<>();
      for (ScoreDoc sd : s.search(knn, k).scoreDocs) {
        matches.add(new Match(read(s, sd.doc), VectorIndex.cosine(sd.score)));
      }
      matches.sort(BEST_FIRST);
      return matches;
    });
  }

  /**
   * Stores CVs: adds new ones, replaces existing ones where the put says so, and refuses a CV whose
   * text another CV already has. One commit for all of them before returning.
   */
  @Override
  public List<PutResult> put(List<Put> puts) {
    requireWritable();
    synchronized (writeLock) {
      try {
        IndexSearcher s = searchers.acquire();
        List<PutDecisions.Decision> decisions;
        try {
          decisions = PutDecisions.decide(puts, new PutDecisions.Holdings() {
            @Override
            public boolean hasId(String id) {
              return count(s, Fields.CV_ID, id) > 0;
            }

            @Override
            public String idWithText(String textHash) {
              try {
                TopDocs same = s.search(new TermQuery(new Term(Fields.CV_TEXT_HASH, textHash)), 1);
                return same.scoreDocs.length == 0 ? null : read(s, same.scoreDocs[0].doc).id();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
        } finally {
          searchers.release(s);
        }
        boolean stored = false;
        boolean replaced = false;
        for (PutDecisions.Decision d : decisions) {
          if (d.store()) {
            writer.updateDocument(new Term(Fields.CV_ID, d.put().entry().id()),
                document(d.put().entry(), d.put().vector(), d.textHash(), meta.model().dimension()));
            stored = true;
            replaced |= d.outcome() == Outcome.REPLACED;
          }
        }
        if (stored) {
          commit();
          if (replaced) {
            scheduleMerge();
          }
        }
        return decisions.stream().map(PutDecisions.Decision::result).toList();
      } catch (IOException | UncheckedIOException e) {
        throw new IndexException("writing to the candidate pool in " + dir + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static int count(IndexSearcher s, String field, String value) {
    try {
      return s.count(new TermQuery(new Term(field, value)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Erases CVs; an id the pool does not have gets no receipt. Committed before returning. */
  public List<Receipt> delete(Collection<String> ids) {
    requireWritable();
    synchronized (writeLock) {
      List<Receipt> receipts = new ArrayList<>();
      String now = now();
      try {
        for (String id : ids) {
          Optional<PooledCv> found = get(id);
          if (found.isEmpty()) {
            continue;
          }
          writer.deleteDocuments(new Term(Fields.CV_ID, id));
          Cv cv = found.get().cv();
          receipts.add(new Receipt(id, now, Instant.parse(now).plus(mergeDelay).toString(), cv.name(), cv.headline(),
              found.get().addedAt(), cv.text().length()));
        }
        if (!receipts.isEmpty()) {
          commit();
          scheduleMerge();
        }
      } catch (IOException e) {
        throw new IndexException("deleting from the candidate pool in " + dir + " failed: " + e.getMessage(), e);
      }
      return receipts;
    }
  }

  /**
   * Rewrites every segment that holds a deleted or replaced CV, so that its text leaves the pool's
   * files; runs by itself {@link #MERGE_DELAY} after a change, and on {@link #close}.
   */
  public void mergeDeletes() {
    requireWritable();
    synchronized (writeLock) {
      if (!mergePending) {
        return;
      }
      mergePending = false;
      try {
        writer.forceMergeDeletes(true);
        commit();
        writer.deleteUnusedFiles();
      } catch (IOException e) {
        throw new IndexException("merging deletions in the candidate pool in " + dir + " failed: " + e.getMessage(), e);
      }
    }
  }

  private void scheduleMerge() {
    if (!mergePending) {
      mergePending = true;
      merger.schedule(() -> {
        try {
          if (!closed.get()) {
            mergeDeletes();
          }
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(CandidatePool.class).error("merging deletions failed", e);
        }
      }, mergeDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Commits, makes the change visible to searches, and brings meta.json up to date. Under writeLock. */
  private void commit() throws IOException {
    String now = now();
    writer.setLiveCommitData(Map.of("changed_at", now).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
    updateMeta(now);
  }

  private void updateMeta(String changedAt) throws IOException {
    int[] counts = withSearcher(s -> new int[] {s.getIndexReader().numDocs(),
        s.count(new TermQuery(new Term(Fields.CV_LABELLED, "true")))});
    meta = meta.with(counts[0], counts[1], changedAt);
    meta.write(dir);
  }

  /** A pool whose meta.json lags its last commit (a crash between the two) is brought up to date. */
  private void checkMeta() throws IOException {
    int count = size();
    if (count != meta.count()) {
      synchronized (writeLock) {
        Map<String, String> data = new HashMap<>();
        DirectoryReader.listCommits(directory).getLast().getUserData().forEach(data::put);
        updateMeta(data.getOrDefault("changed_at", meta.changedAt()));
      }
    }
  }

  /** The Lucene document of a CV with its unit vector: also what {@link PoolBulkWriter} writes. */
  static Document document(PooledCv entry, float[] vector, String textHash, int dimension) {
    Cv cv = entry.cv();
    if (vector.length != dimension) {
      throw new IndexException("a vector of " + vector.length + " dimensions for a pool of " + dimension);
    }
    Document doc = new Document();
    doc.add(new StringField(Fields.CV_ID, cv.id(), Field.Store.NO));
    doc.add(new StringField(Fields.CV_TEXT_HASH, textHash, Field.Store.NO));
    doc.add(new StoredField(Fields.CV_JSON, json(entry)));
    doc.add(new KnnFloatVectorField(Fields.CV_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    if (cv.onetCode() != null) {
      doc.add(new StringField(Fields.CV_ONET_CODE, cv.onetCode(), Field.Store.NO));
    }
    if (entry.votes()) {
      doc.add(new StringField(Fields.CV_LABELLED, "true", Field.Store.NO));
    }
    if (cv.majorGroup() != null) {
      doc.add(new StringField(Fields.CV_MAJOR_GROUP, cv.majorGroup(), Field.Store.NO));
    }
    if (cv.level() != null) {
      doc.add(new StringField(Fields.CV_LEVEL, cv.level(), Field.Store.NO));
    }
    if (cv.years() != null) {
      doc.add(new IntPoint(Fields.CV_YEARS, cv.years()));
    }
    if (cv.it() != null) {
      doc.add(new StringField(Fields.CV_IT, cv.it().toString(), Field.Store.NO));
    }
    for (String skill : entry.skillNames()) {
      doc.add(new StringField(Fields.CV_SKILL, CandidateFilter.skillTerm(skill), Field.Store.NO));
    }
    return doc;
  }

  private static String json(PooledCv entry) {
    try {
      return Json.MAPPER.writeValueAsString(entry);
    } catch (IOException e) {
      throw new IndexException("cannot store CV " + entry.id() + ": " + e.getMessage(), e);
    }
  }

  private static PooledCv read(IndexSearcher s, int doc) throws IOException {
    String json = s.storedFields().document(doc).get(Fields.CV_JSON);
    return Json.MAPPER.readValue(json, PooledCv.class);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("the candidate pool in " + dir + " was opened read-only");
    }
    if (closed.get()) {
      throw new IndexException("the candidate pool in " + dir + " is closed");
    }
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the candidate pool in " + dir + " failed: " + e.getMessage(), e);
    }
  }

  /** Finds the live document of one id in a segment. */
  private record IdLookup(String id) {
    int liveDoc(LeafReaderContext leaf) throws IOException {
      var terms = leaf.reader().terms(Fields.CV_ID);
      if (terms == null) {
        return DocIdSetIterator.NO_MORE_DOCS;
      }
      var te = terms.iterator();
      if (!te.seekExact(new org.apache.lucene.util.BytesRef(id))) {
        return DocIdSetIterator.NO_MORE_DOCS;
      }
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return doc;
        }
      }
      return DocIdSetIterator.NO_MORE_DOCS;
    }
  }

  /**
   * Merges away pending deletions (so an erased text leaves the files), commits and closes. A
   * second close does nothing.
   */
  @Override
  public void close() {
    if (writer != null) {
      synchronized (writeLock) {
        if (closed.get()) {
          return;
        }
        if (mergePending) {
          mergeDeletes();
        }
        closed.set(true);
      }
      merger.shutdownNow();
    } else if (closed.getAndSet(true)) {
      return;
    }
    try {
      IOUtils.close(searchers, writer, directory);
    } catch (IOException e) {
      throw new IndexException("closing the candidate pool in " + dir + " failed: " + e.getMessage(), e);
    }
  }
}
