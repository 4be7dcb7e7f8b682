package dev.jobcode.opensearch;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.PoolCopy;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.PooledCv;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.index.PutDecisions;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.ShardStatistics;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The candidate pool in an OpenSearch index with the k-NN plugin: the same HNSW (Lucene engine,
 * cosine), sharded and replicated by the cluster, every filter applied inside the k-NN search. The
 * name jobcode is given is an alias of a concrete index ({@code NAME-yyyyMMddHHmmssSSS}), so that a
 * re-encoding fills a new index and swaps the alias in one step. The model that encoded the
 * vectors and the HNSW settings are in the mapping's {@code _meta}.
 *
 * <p>Writes wait for a refresh ({@code refresh=wait_for}), so an acknowledged CV is visible to the
 * next search, and OpenSearch acknowledges only what its translog has made durable on every active
 * copy. One process writes at a time through this object; writers in several processes are not
 * serialised with each other (the same text could then be added twice under two ids).
 */
public final class OpenSearchPool implements CandidateStore {
  static final String F_ID = "id";
  static final String F_TEXT_HASH = "text_hash";
  static final String F_ENTRY = "entry";
  static final String F_VECTOR = "vector";
  static final String F_ONET_CODE = "onet_code";
  static final String F_MAJOR_GROUP = "major_group";
  static final String F_LEVEL = "level";
  static final String F_YEARS = "years";
  static final String F_IT = "it";
  static final String F_LABELLED = "labelled";
  static final String F_SKILLS = "skills";
  static final String F_ADDED_AT = "added_at";
  /** The key of jobcode's description in the mapping's {@code _meta}. */
  static final String META_KEY = "jobcode_pool";
  /** Documents per bulk request; with 384-dimension vectors and CV texts, about 2-5 MB. */
  public static final int BULK_DOCUMENTS = 500;
  /** How soon after a delete jobcode asks OpenSearch to merge deleted documents out of its segments. */
  public static final Duration EXPUNGE_DELAY = Duration.ofSeconds(10);
  private static final int PAGE = 1_000;

  private final OpenSearchTarget target;
  private final Connection connection;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchClient client;
  private final JacksonJsonpMapper mapper;
  private final Retrying retrying;
  private final PoolMeta layout;                      // model, HNSW, created_at; counts are asked for
  private final boolean writable;
  private final Object writeLock = new Object();
  private final ScheduledExecutorService expunger;    // null when read-only
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String lastDelete;
  private boolean expungePending;                     // guarded by writeLock

  private OpenSearchPool(OpenSearchTarget target, Connection connection, PoolMeta layout, boolean writable) {
    this.target = target;
    this.connection = connection;
    this.transport = connection.transport;
    this.client = connection.client;
    this.mapper = connection.mapper;
    this.retrying = connection.retrying;
    this.layout = layout;
    this.writable = writable;
    this.expunger = writable ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opensearch-expunge");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** A client of the cluster: the transport to close, the typed client, the JSON mapper. */
  private record Connection(ApacheHttpClient5Transport transport, OpenSearchClient client, JacksonJsonpMapper mapper,
                            Retrying retrying) {
    static Connection to(OpenSearchTarget target) {
      HttpHost[] hosts = target.urls().stream().map(u -> new HttpHost(u.getScheme(), u.getHost(),
          u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 9200)).toArray(HttpHost[]::new);
      JacksonJsonpMapper mapper = new JacksonJsonpMapper(Json.MAPPER.copy());
      ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(mapper);
      if (target.user() != null) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        for (HttpHost host : hosts) {
          credentials.setCredentials(new AuthScope(host),
              new UsernamePasswordCredentials(target.user(), target.password().toCharArray()));
        }
        builder.setHttpClientConfigCallback(b -> b.setDefaultCredentialsProvider(credentials));
      }
      ApacheHttpClient5Transport transport = builder.build();
      return new Connection(transport, new OpenSearchClient(transport), mapper, new Retrying(target.location()));
    }

    void close() {
      try {
        transport.close();
      } catch (IOException e) {
        // nothing was pending: every call has returned
      }
    }
  }

  /** True when the cluster has an index or alias of the target's name. */
  public static boolean exists(OpenSearchTarget target) {
    Connection c = Connection.to(target);
    try {
      return c.retrying.call("the index check", () -> c.client.indices().exists(e -> e.index(target.index())).value());
    } finally {
      c.close();
    }
  }

  /**
   * Opens the pool for reading and writing, creating an empty one (encoded by {@code model}, its
   * graph built with {@code hnsw}) when the cluster has none; refuses a pool of another model.
   */
  public static OpenSearchPool open(OpenSearchTarget target, ModelInfo model, HnswParams hnsw) {
    Connection c = Connection.to(target);
    try {
      boolean exists = c.retrying.call("the index check", () -> c.client.indices().exists(e -> e.index(target.index()))
          .value());
      if (!exists) {
        create(c, target, concreteName(target.index()), model, hnsw, true);
      }
      PoolMeta layout = readLayout(c, target);
      return CandidateStore.checked(new OpenSearchPool(target, c, layout, true), model);
    } catch (RuntimeException e) {
      c.close();   // a second close, after the pool's own, does nothing
      throw e;
    }
  }

  /** Opens an existing pool for reading and writing, with no model check (deletes, re-encoding). */
  public static OpenSearchPool openExisting(OpenSearchTarget target) {
    return openExisting(target, true);
  }

  /** Opens an existing pool to read only, with no model check. */
  public static OpenSearchPool openReadOnly(OpenSearchTarget target) {
    return openExisting(target, false);
  }

  private static OpenSearchPool openExisting(OpenSearchTarget target, boolean writable) {
    Connection c = Connection.to(target);
    try {
      return new OpenSearchPool(target, c, readLayout(c, target), writable);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Encodes every CV of the pool again with {@code encoder}, from the stored texts, into a new
   * index; when it is complete and checked, the pool's alias moves to it in one step and the old
   * index is deleted. The old index is closed to writes meanwhile (a write then fails, and is not
   * lost); a failure deletes the new index and opens the old one to writes again.
   */
  public static PoolMeta reencode(OpenSearchTarget target, Encoder encoder, HnswParams hnsw, ProgressListener progress) {
    try (OpenSearchPool old = openExisting(target)) {
      String oldIndex = old.concreteIndex();
      if (oldIndex.equals(target.index())) {
        throw new IndexException(target.index() + " is an index, not an alias that jobcode made, so it cannot be "
            + "swapped for a re-encoded copy; export it ('jobcode candidates export') and import it under a new name");
      }
      old.setWriteBlock(oldIndex, true);
      String fresh = concreteName(target.index());
      boolean swapped = false;
      try {
        List<PooledCv> all = old.list();
        create(old.connection, target, fresh, encoder.model(), hnsw, false);
        try (OpenSearchPool copy = openExisting(target.withIndex(fresh))) {
          PoolCopy.copy(all, chunk -> encoder.encode(chunk.stream().map(e -> e.cv().text()).toList()), copy, progress);
        }
        old.retrying.call("the alias swap", () -> old.client.indices().updateAliases(u -> u
            .actions(a -> a.remove(r -> r.index(oldIndex).alias(target.index())))
            .actions(a -> a.add(r -> r.index(fresh).alias(target.index())))));
        swapped = true;
        old.retrying.call("deleting the old index", () -> old.client.indices().delete(d -> d.index(oldIndex)));
      } finally {
        if (!swapped) {
          old.deleteQuietly(fresh);
          old.setWriteBlock(oldIndex, false);
        }
      }
    }
    try (OpenSearchPool now = openReadOnly(target)) {
      return now.meta();
    }
  }

  /**
   * The response, unless a shard failed to answer (a node leaving mid-search answers 200 with
   * {@code _shards.failed}): then a retryable failure, so that no search returns part of the pool.
   */
  private static <T> SearchResponse<T> whole(SearchResponse<T> r) throws IOException {
    requireEveryShard(r.shards());
    return r;
  }

  private static void requireEveryShard(ShardStatistics shards) throws IOException {
    if (shards != null && shards.failed() > 0) {
      throw new IOException(shards.failed() + " of " + shards.total() + " shards did not answer");
    }
  }

  private static String concreteName(String alias) {
    return alias + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC).format(Instant.now());
  }

  /** Creates an empty pool index, with the alias when {@code aliased}, and waits until its shards are up. */
  private static void create(Connection c, OpenSearchTarget target, String index, ModelInfo model, HnswParams hnsw,
                             boolean aliased) {
    String now = now();
    PoolMeta meta = new PoolMeta(PoolMeta.FORMAT, model, hnsw, 0, 0, now, now);
    Map<String, Property> properties = new HashMap<>();
    for (String keyword : List.of(F_ID, F_TEXT_HASH, F_ONET_CODE, F_MAJOR_GROUP, F_LEVEL, F_SKILLS)) {
      properties.put(keyword, Property.of(p -> p.keyword(k -> k)));
    }
    properties.put(F_YEARS, Property.of(p -> p.integer(i -> i)));
    properties.put(F_IT, Property.of(p -> p.boolean_(b -> b)));
    properties.put(F_LABELLED, Property.of(p -> p.boolean_(b -> b)));
    properties.put(F_ADDED_AT, Property.of(p -> p.date(d -> d)));
    properties.put(F_ENTRY, Property.of(p -> p.object(o -> o.enabled(false))));   // kept, never indexed
    properties.put(F_VECTOR, Property.of(p -> p.knnVector(v -> v.dimension(model.dimension())
        .method(m -> {
          m.name("hnsw").engine("lucene").spaceType("cosinesimil")
              .parameters("m", JsonData.of(hnsw.m()))
              .parameters("ef_construction", JsonData.of(hnsw.beamWidth()));
          if (target.int8()) {   // Lucene's scalar quantisation: int8 in the graph, floats kept on disk
            m.parameters("encoder", JsonData.of(Map.of("name", "sq")));
          }
          return m;
        }))));
    c.retrying.call("creating index " + index, () -> c.client.indices().create(r -> {
      r.index(index)
          .settings(s -> s.knn(true).numberOfShards(target.shards()).numberOfReplicas(target.replicas()))
          .mappings(m -> m.dynamic(DynamicMapping.Strict).meta(META_KEY, JsonData.of(meta, c.mapper))
              .properties(properties));
      if (aliased) {
        r.aliases(target.index(), a -> a);
      }
      return r;
    }));
    c.retrying.call("waiting for index " + index, () -> c.client.cluster().health(h -> h.index(index)
        .waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("60s"))));
  }

  /** The pool's description from its mapping's {@code _meta}; an index without one is not a pool. */
  private static PoolMeta readLayout(Connection c, OpenSearchTarget target) {
    var mappings = c.retrying.call("reading the mapping", () -> {
      try {
        return c.client.indices().getMapping(g -> g.index(target.index())).result();
      } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
        if (e.status() == 404) {
          throw new IndexException("there is no candidate pool '" + target.index() + "' in OpenSearch at "
              + target.location() + "; add CVs with 'jobcode candidates add --candidates opensearch …'", e);
        }
        throw e;
      }
    });
    if (mappings.size() != 1) {
      throw new IndexException("'" + target.index() + "' names " + mappings.size() + " indexes in OpenSearch at "
          + target.location() + "; a candidate pool is one index or an alias of one");
    }
    var mapping = mappings.values().iterator().next().mappings();
    JsonData meta = mapping == null || mapping.meta() == null ? null : mapping.meta().get(META_KEY);
    if (meta == null) {
      throw new IndexException("the OpenSearch index '" + target.index() + "' at " + target.location()
          + " is not a jobcode candidate pool (its mapping has no _meta." + META_KEY + ")");
    }
    PoolMeta layout = meta.to(PoolMeta.class, c.mapper);
    if (layout.format() != PoolMeta.FORMAT || layout.model() == null) {
      throw new IndexException("the OpenSearch index '" + target.index() + "' holds a candidate pool of format "
          + layout.format() + "; this jobcode reads format " + PoolMeta.FORMAT);
    }
    return layout;
  }

  @Override
  public String location() {
    return target.location();
  }

  @Override
  public String reencodeCommand() {
    return "jobcode candidates reencode --candidates opensearch --opensearch-url " + target.urls().get(0)
        + " --opensearch-index " + target.index();
  }

  public OpenSearchTarget target() {
    return target;
  }

  /** The model and HNSW settings from {@code _meta}, and the counts and last change asked of the cluster now. */
  @Override
  public PoolMeta meta() {
    SearchResponse<Void> r = retrying.call("counting CVs", () -> whole(client.search(s -> s.index(target.index()).size(0)
        .trackTotalHits(t -> t.enabled(true))
        .aggregations("labelled", a -> a.filter(f -> f.term(t -> t.field(F_LABELLED).value(FieldValue.of(true)))))
        .aggregations("latest", a -> a.max(m -> m.field(F_ADDED_AT))), Void.class)));
    int count = (int) r.hits().total().value();
    int labelled = (int) r.aggregations().get("labelled").filter().docCount();
    String latest = r.aggregations().get("latest").max().valueAsString();
    String changedAt = latest;
    String deleted = lastDelete;
    if (changedAt == null || deleted != null && deleted.compareTo(changedAt) > 0) {
      changedAt = deleted != null ? deleted : layout.changedAt();
    }
    return new PoolMeta(layout.format(), layout.model(), layout.hnsw(), count, labelled, layout.createdAt(), changedAt);
  }

  @Override
  public boolean writable() {
    return writable;
  }

  @Override
  public int size() {
    long count = retrying.call("counting CVs", () -> {
      var r = client.count(c -> c.index(target.index()));
      requireEveryShard(r.shards());
      return r.count();
    });
    return (int) count;
  }

  @Override
  public Optional<PooledCv> get(String id) {
    var r = retrying.call("reading CV " + id, () -> client.get(g -> g.index(target.index()).id(id)
        .sourceExcludes(F_VECTOR), PoolDocument.class));
    return r.found() && r.source() != null ? Optional.of(r.source().entry()) : Optional.empty();
  }

  @Override
  public List<PooledCv> list() {
    List<PooledCv> all = new ArrayList<>();
    String after = null;
    while (true) {
      String from = after;
      SearchResponse<PoolDocument> page = retrying.call("listing CVs", () -> whole(client.search(s -> {
        s.index(target.index()).size(PAGE).source(src -> src.filter(f -> f.excludes(F_VECTOR)))
            .sort(o -> o.field(f -> f.field(F_ID).order(SortOrder.Asc)));
        if (from != null) {
          s.searchAfter(FieldValue.of(from));
        }
        return s;
      }, PoolDocument.class)));
      List<Hit<PoolDocument>> hits = page.hits().hits();
      hits.forEach(h -> all.add(h.source().entry()));
      if (hits.size() < PAGE) {
        return all;
      }
      after = hits.get(hits.size() - 1).source().id();
    }
  }

  @Override
  public Optional<float[]> vector(String id) {
    var r = retrying.call("reading CV " + id, () -> client.get(g -> g.index(target.index()).id(id)
        .sourceIncludes(F_VECTOR), PoolDocument.class));
    return r.found() && r.source() != null ? Optional.ofNullable(r.source().vector()) : Optional.empty();
  }

  @Override
  public List<Match> search(float[] query, int k, CandidateFilter filter, Collection<String> excludedIds) {
    List<Float> vector = new ArrayList<>(query.length);
    for (float x : query) {
      vector.add(x);
    }
    Optional<Query> only = OpenSearchFilters.of(filter, excludedIds);
    int ef = Math.max(k, target.efSearch());
    SearchResponse<PoolDocument> r = retrying.call("the k-NN search", () -> whole(client.search(s -> s
        .index(target.index()).size(k).source(src -> src.filter(f -> f.excludes(F_VECTOR)))
        .query(q -> q.knn(n -> {
          n.field(F_VECTOR).vector(vector).k(k).methodParameters("ef_search", JsonData.of(ef));
          only.ifPresent(n::filter);
          return n;
        })), PoolDocument.class)));
    List<Match> matches = new ArrayList<>(k);
    for (Hit<PoolDocument> hit : r.hits().hits()) {
      // The Lucene engine scores cosine as Lucene does in the embedded store.
      matches.add(new Match(hit.source().entry(), VectorIndex.cosine(hit.score().floatValue())));
    }
    matches.sort(BEST_FIRST);
    return matches;
  }

  @Override
  public List<PutResult> put(List<Put> puts) {
    requireWritable();
    synchronized (writeLock) {
      Holdings holdings = holdings(puts);
      List<PutDecisions.Decision> decisions = PutDecisions.decide(puts, holdings);
      List<PutResult> results = new ArrayList<>(decisions.size());
      Map<String, Integer> statuses = bulk(decisions.stream().filter(PutDecisions.Decision::store).map(d -> {
        PoolDocument doc = PoolDocument.of(d.put().entry(), d.put().vector(), d.textHash());
        if (doc.vector().length != layout.model().dimension()) {
          throw new IndexException("a vector of " + doc.vector().length + " dimensions for a pool of "
              + layout.model().dimension());
        }
        return d.outcome() == Outcome.ADDED
            ? BulkOperation.of(b -> b.create(c -> c.index(target.index()).id(doc.id()).document(doc)))
            : BulkOperation.of(b -> b.index(c -> c.index(target.index()).id(doc.id()).document(doc)));
      }).toList(), "storing CVs");
      for (PutDecisions.Decision d : decisions) {
        Integer status = statuses.get(d.put().entry().id());
        // A create refused as a conflict: another writer took the id meanwhile.
        results.add(status != null && status == 409 ? new PutResult(d.put().entry().id(), Outcome.ID_TAKEN, null)
            : d.result());
      }
      return results;
    }
  }

  /** The ids and text hashes of {@code puts} that the pool holds now, in one search. */
  private Holdings holdings(List<Put> puts) {
    Holdings h = new Holdings();
    if (puts.isEmpty()) {
      return h;
    }
    List<FieldValue> ids = new ArrayList<>();
    List<FieldValue> hashes = new ArrayList<>();
    for (Put p : puts) {
      ids.add(FieldValue.of(p.entry().id()));
      hashes.add(FieldValue.of(CandidateStore.textHash(p.entry().cv().text())));
    }
    SearchResponse<PoolDocument> r = retrying.call("looking up ids and texts", () -> whole(client.search(s -> s
        .index(target.index()).size(2 * puts.size())
        .source(src -> src.filter(f -> f.includes(F_ID, F_TEXT_HASH)))
        .sort(o -> o.field(f -> f.field(F_ID).order(SortOrder.Asc)))
        .query(q -> q.bool(b -> b
            .should(x -> x.terms(t -> t.field(F_ID).terms(v -> v.value(ids))))
            .should(x -> x.terms(t -> t.field(F_TEXT_HASH).terms(v -> v.value(hashes)))))), PoolDocument.class)));
    for (Hit<PoolDocument> hit : r.hits().hits()) {
      h.ids.add(hit.source().id());
      h.texts.putIfAbsent(hit.source().textHash(), hit.source().id());
    }
    return h;
  }

  private static final class Holdings implements PutDecisions.Holdings {
    final java.util.Set<String> ids = new java.util.HashSet<>();
    final Map<String, String> texts = new HashMap<>();

    @Override
    public boolean hasId(String id) {
      return ids.contains(id);
    }

    @Override
    public String idWithText(String textHash) {
      return texts.get(textHash);
    }
  }

  /**
   * Sends {@code operations} in bulk requests of at most {@link #BULK_DOCUMENTS}, each waiting for
   * the refresh; a request or an item refused as too busy or unavailable is sent again (with longer
   * waits). Returns each document's final status; refuses with {@link IndexException} naming every
   * document that failed for another reason, or was still refused after the retries.
   */
  private Map<String, Integer> bulk(List<BulkOperation> operations, String what) {
    Map<String, Integer> statuses = new HashMap<>();
    Map<String, String> failures = new java.util.TreeMap<>();
    for (int from = 0; from < operations.size(); from += BULK_DOCUMENTS) {
      List<BulkOperation> pending = operations.subList(from, Math.min(operations.size(), from + BULK_DOCUMENTS));
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt > 0) {
          Retrying.pause(attempt);
        }
        List<BulkOperation> batch = pending;
        var response = retrying.call(what, () -> client.bulk(b -> b.operations(batch).refresh(Refresh.WaitFor)));
        List<BulkOperation> again = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
          BulkResponseItem item = response.items().get(i);
          if (Retrying.retryable(item.status()) && attempt + 1 < Retrying.ATTEMPTS) {
            again.add(batch.get(i));
            continue;
          }
          statuses.put(item.id(), item.status());
          boolean conflict = item.status() == 409;
          if (item.error() != null && !conflict && item.status() != 404) {
            failures.put(item.id(), item.status() + " " + item.error().type() + ": " + item.error().reason());
          }
        }
        pending = again;
      }
    }
    if (!failures.isEmpty()) {
      long done = statuses.values().stream().filter(s -> s < 300).count();
      throw new IndexException("OpenSearch at " + target.location() + " refused " + failures.size() + " of "
          + operations.size() + " CVs (" + done + " went through): " + failures);
    }
    return statuses;
  }

  @Override
  public List<Receipt> delete(Collection<String> ids) {
    requireWritable();
    List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
    if (unique.isEmpty()) {
      return List.of();
    }
    synchronized (writeLock) {
      var found = retrying.call("reading CVs to delete", () -> client.mget(m -> m.index(target.index()).ids(unique)
          .sourceExcludes(F_VECTOR), PoolDocument.class));
      Map<String, PooledCv> present = new HashMap<>();
      for (MultiGetResponseItem<PoolDocument> item : found.docs()) {
        if (item.isResult() && item.result().found() && item.result().source() != null) {
          present.put(item.result().id(), item.result().source().entry());
        }
      }
      List<BulkOperation> deletes = unique.stream().filter(present::containsKey)
          .map(id -> BulkOperation.of(b -> b.delete(d -> d.index(target.index()).id(id)))).toList();
      Map<String, Integer> statuses = bulk(deletes, "deleting CVs");
      String now = now();
      List<Receipt> receipts = new ArrayList<>();
      for (String id : unique) {
        Integer status = statuses.get(id);
        if (status != null && status == 200) {
          PooledCv e = present.get(id);
          receipts.add(new Receipt(id, now, null, e.cv().name(), e.cv().headline(), e.addedAt(), e.cv().text().length()));
        }
      }
      if (!receipts.isEmpty()) {
        lastDelete = now;
        scheduleExpunge();
      }
      return receipts;
    }
  }

  /**
   * Asks OpenSearch to merge deleted documents out of the segments of every shard copy. OpenSearch
   * may keep a deleted document a while longer for its replicas' recovery (soft-deletes retention).
   */
  public void expungeDeletes() {
    retrying.call("merging deletions", () -> client.indices().forcemerge(f -> f.index(target.index())
        .onlyExpungeDeletes(true)));
  }

  private void scheduleExpunge() {
    if (!expungePending) {
      expungePending = true;
      expunger.schedule(() -> {
        synchronized (writeLock) {
          expungePending = false;
        }
        try {
          if (!closed.get()) {
            expungeDeletes();
          }
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(OpenSearchPool.class).warn("merging deletions in {} failed: {}",
              target.location(), e.getMessage());
        }
      }, EXPUNGE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The concrete index the pool's name resolves to (itself when it is not an alias). */
  String concreteIndex() {
    var mappings = retrying.call("resolving the alias", () -> client.indices().getMapping(g -> g.index(target.index()))
        .result());
    return mappings.keySet().iterator().next();
  }

  private void setWriteBlock(String index, boolean blocked) {
    retrying.call("setting the write block", () -> client.indices().putSettings(p -> p.index(index)
        .settings(s -> s.blocksWrite(blocked))));
  }

  private void deleteQuietly(String index) {
    try {
      client.indices().delete(d -> d.index(index));
    } catch (IOException | RuntimeException e) {
      // it was never made, or the cluster is gone: nothing else to clear
    }
  }

  private void requireWritable() {
    if (!writable) {
      throw new IllegalStateException("the candidate pool at " + target.location() + " was opened read-only");
    }
    if (closed.get()) {
      throw new IndexException("the candidate pool at " + target.location() + " is closed");
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Runs a pending merge of deletions now, then closes the connection. A second close does nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      if (expunger != null) {
        expunger.shutdownNow();
        boolean pending;
        synchronized (writeLock) {
          pending = expungePending;
        }
        if (pending) {
          try {
            expungeDeletes();
          } catch (RuntimeException e) {
            // the cluster merges by itself in time; a close must not fail for this
          }
        }
      }
    } finally {
      connection.close();
    }
  }
}
