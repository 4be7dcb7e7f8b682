package dev.jobcode.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.corpus.Cv;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.PooledCv;
import dev.jobcode.testing.OpenSearchCluster;
import dev.jobcode.testing.RealData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch store on a real cluster of {@value OpenSearchCluster#NODES} nodes with the k-NN
 * plugin, holding the same 600 real CVs (e5-small-v2 vectors) as the embedded IT pool: the same
 * top-10 as exact search under every filter, writes visible at once and deletes gone from every
 * shard copy, and searches that go on without an error while a node is down.
 */
class OpenSearchPoolIT {
  private static OpenSearchCluster cluster;
  private static OpenSearchPool store;
  private static List<PooledCv> entries;
  private static Map<String, float[]> vectors;

  @BeforeAll
  static void load() {
    cluster = OpenSearchCluster.shared();
    CandidatePool embedded = RealData.pool();
    entries = embedded.list();
    vectors = new HashMap<>();
    entries.forEach(e -> vectors.put(e.id(), embedded.vector(e.id()).orElseThrow()));
    store = cluster.copyOf(embedded, "it-pool");
    assertThat(store.size()).isEqualTo(entries.size());
    cluster.waitGreen();
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void sameTopTenAsExactSearchUnderEveryFilter() {
    double found = 0;
    double expected = 0;
    int queries = 0;
    for (PooledCv query : entries.subList(0, 60)) {
      Cv cv = query.cv();
      String skill = query.skillNames().isEmpty() ? null : query.skillNames().get(0);
      List<CandidateFilter> filters = new ArrayList<>(List.of(CandidateFilter.NONE,
          new CandidateFilter(cv.onetCode(), null, null, null, null),
          new CandidateFilter(List.of(cv.onetCode() == null ? "47-2111.00" : cv.onetCode(), "29-1141.00", "15-1252.00"), null, null, null, null, List.of(),
              false),
          new CandidateFilter(null, cv.majorGroup(), null, null, null),
          new CandidateFilter(null, null, cv.level(), null, null),
          new CandidateFilter(null, null, null, 8, null),
          new CandidateFilter(null, null, null, null, Boolean.TRUE),
          new CandidateFilter(null, cv.majorGroup(), null, 3, Boolean.FALSE),
          CandidateFilter.NONE.withLabelledOnly()));
      if (skill != null) {
        filters.add(CandidateFilter.NONE.withSkills(List.of(skill.toUpperCase(Locale.ROOT))));
      }
      for (CandidateFilter filter : filters) {
        List<String> exact = exact(vectors.get(query.id()), 10, admits(filter), query.id());
        List<CandidateStore.Match> got = store.search(vectors.get(query.id()), 10, filter, Set.of(query.id()));
        assertThat(got).as("k results whenever k CVs match, %s", filter).hasSize(exact.size());
        Set<String> gotIds = new HashSet<>(got.stream().map(m -> m.entry().id()).toList());
        assertThat(gotIds).as("the query's own CV is excluded").doesNotContain(query.id());
        found += exact.stream().filter(gotIds::contains).count();
        expected += exact.size();
        queries++;
        for (CandidateStore.Match m : got) {
          assertThat(m.score()).as("cosine as the embedded store gives it")
              .isCloseTo(dot(vectors.get(query.id()), vectors.get(m.entry().id())), org.assertj.core.data.Offset.offset(1e-3f));
          assertThat(admits(filter).test(m.entry())).isTrue();
        }
      }
    }
    double recall = found / expected;
    System.out.printf(Locale.ROOT, "OpenSearch recall@10 against exact search: %.4f over %d filtered queries%n",
        recall, queries);
    assertThat(recall).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void writesAreVisibleAtOnceAndADeleteLeavesEveryShard() {
    PooledCv model = entries.get(7);
    Cv base = model.cv();
    List<CandidateStore.Put> puts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Cv cv = new Cv("os-new-" + i, base.name(), base.headline(), base.onetCode(), base.onetTitle(), base.majorGroup(),
          base.level(), base.years(), base.it(), base.summary(), base.skills(), base.experience(),
          base.text() + " (copy " + i + ")");
      puts.add(new CandidateStore.Put(new PooledCv(cv, List.of(), "2026-12-04T00:00:00Z", "test"),
          vectors.get(model.id()), false));
    }
    try {
      assertThat(store.put(puts)).extracting(CandidateStore.PutResult::outcome)
          .containsOnly(CandidateStore.Outcome.ADDED);
      // The same text again, and an id in use: refused as the embedded store refuses them.
      assertThat(store.put(List.of(puts.get(0)))).extracting(CandidateStore.PutResult::outcome)
          .containsExactly(CandidateStore.Outcome.DUPLICATE);
      assertThat(store.put(List.of(new CandidateStore.Put(new PooledCv(withText(puts.get(0).entry().cv(), "other"),
          List.of(), "2026-12-04T00:00:00Z", "test"), vectors.get(model.id()), false))))
          .extracting(CandidateStore.PutResult::outcome).containsExactly(CandidateStore.Outcome.ID_TAKEN);
      List<String> top = store.search(vectors.get(model.id()), 4, CandidateFilter.NONE, Set.of()).stream()
          .map(m -> m.entry().id()).toList();
      assertThat(top).contains("os-new-0", "os-new-1", "os-new-2");
      assertThat(store.get("os-new-1")).get().extracting(PooledCv::source).isEqualTo("test");
      assertThat(store.vector("os-new-1")).get().satisfies(v -> assertThat(v).containsExactly(vectors.get(model.id())));

      // A replace keeps the id and takes the new text.
      PooledCv replaced = new PooledCv(withText(puts.get(2).entry().cv(), base.text() + " (replaced)"), List.of(),
          "2026-12-04T00:00:01Z", "test");
      assertThat(store.put(List.of(new CandidateStore.Put(replaced, vectors.get(model.id()), true))))
          .extracting(CandidateStore.PutResult::outcome).containsExactly(CandidateStore.Outcome.REPLACED);
      assertThat(store.get("os-new-2").orElseThrow().cv().text()).endsWith("(replaced)");

      List<CandidateStore.Receipt> receipts = store.delete(List.of("os-new-0", "os-new-1", "no-such-cv"));
      assertThat(receipts).extracting(CandidateStore.Receipt::id).containsExactly("os-new-0", "os-new-1");
      assertThat(store.get("os-new-0")).isEmpty();
      assertThat(store.search(vectors.get(model.id()), 10, CandidateFilter.NONE, Set.of()))
          .extracting(m -> m.entry().id()).doesNotContain("os-new-0", "os-new-1");
      // Every copy of every shard, asked node by node, has it no more.
      JsonNode nodes = cluster.get("/_nodes/_all/none").path("nodes");
      assertThat(nodes.size()).isEqualTo(OpenSearchCluster.NODES);
      nodes.fieldNames().forEachRemaining(node -> {
        JsonNode hits = cluster.send("POST", "/it-pool/_search?preference=_only_nodes:" + node,
            "{\"query\":{\"ids\":{\"values\":[\"os-new-0\",\"os-new-1\",\"os-new-2\"]}},\"_source\":false}");
        assertThat(hits.at("/_shards/failed").asInt()).isZero();
        List<String> ids = new ArrayList<>();
        hits.at("/hits/hits").forEach(h -> ids.add(h.path("_id").asText()));
        assertThat(ids).as("node %s", node).doesNotContain("os-new-0", "os-new-1");
      });
    } finally {
      store.delete(List.of("os-new-0", "os-new-1", "os-new-2"));
    }
    assertThat(store.size()).isEqualTo(entries.size());
  }

  @Test
  void aPoolOfAnotherModelIsRefusedAsTheEmbeddedOneIs() {
    ModelInfo other = new ModelInfo("all-minilm-l6-v2", "0".repeat(64), 384, "mean");
    assertThatThrownBy(() -> OpenSearchPool.open(store.target(), other, HnswParams.DEFAULT))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("was encoded with model e5-small-v2")
        .hasMessageContaining("but the loaded model is all-minilm-l6-v2")
        .hasMessageContaining("jobcode candidates reencode --candidates opensearch");
    assertThatThrownBy(() -> OpenSearchPool.openReadOnly(OpenSearchTarget.of(cluster.urlList(), "no-such-pool")))
        .isInstanceOf(IndexException.class).hasMessageContaining("there is no candidate pool 'no-such-pool'");
  }

  @Test
  void searchesGoOnWithoutAnErrorWhileANodeIsDown() throws Exception {
    // The cluster manager: the hardest node to lose (the others elect a new one meanwhile).
    int down = cluster.managerNode();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean nodeDown = new AtomicBoolean(false);
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger whileDown = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService load = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int thread = t;
      load.submit(() -> {
        int i = thread;
        while (running.get() && failure.get() == null) {
          PooledCv q = entries.get((i += 4) % entries.size());
          CandidateFilter filter = i % 8 < 4 ? CandidateFilter.NONE
              : new CandidateFilter(null, q.cv().majorGroup(), null, null, null);
          try {
            List<CandidateStore.Match> got = store.search(vectors.get(q.id()), 10, filter, Set.of(q.id()));
            int expected = exact(vectors.get(q.id()), 10, admits(filter), q.id()).size();
            if (got.size() != expected) {
              throw new AssertionError("a search returned " + got.size() + " of " + expected + " CVs");
            }
            searches.incrementAndGet();
            if (nodeDown.get()) {
              whileDown.incrementAndGet();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }
      });
    }
    try {
      Thread.sleep(1_000);
      cluster.stopNode(down);
      nodeDown.set(true);
      Thread.sleep(6_000);
      nodeDown.set(false);
      cluster.startNode(down);
      cluster.waitGreen();
    } finally {
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
    System.out.printf(Locale.ROOT, "%d searches, %d of them while node-%d was down%n", searches.get(), whileDown.get(),
        down);
    assertThat(failure.get()).as("no search failed").isNull();
    assertThat(whileDown.get()).isPositive();
    assertThat(cluster.waitGreen().path("number_of_nodes").asInt()).isEqualTo(OpenSearchCluster.NODES);
  }

  private static Cv withText(Cv cv, String text) {
    return new Cv(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(), cv.level(),
        cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), text);
  }

  /** What the filter admits, written out here as the contract says it (not from either store's code). */
  private static Predicate<PooledCv> admits(CandidateFilter f) {
    return e -> {
      Cv cv = e.cv();
      Set<String> skills = new HashSet<>(e.skillNames().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
      return (f.onetCodes().isEmpty() || f.onetCodes().contains(cv.onetCode()))
          && (f.majorGroup() == null || f.majorGroup().equals(cv.majorGroup()))
          && (f.level() == null || f.level().equals(cv.level()))
          && (f.minYears() == null || cv.years() != null && cv.years() >= f.minYears())
          && (f.it() == null || f.it().equals(cv.it()))
          && (!f.labelledOnly() || e.votes())
          && f.skills().stream().allMatch(s -> skills.contains(s.toLowerCase(Locale.ROOT)));
    };
  }

  /** Exact search: every admitted CV's cosine, best first, ties by id. */
  private static List<String> exact(float[] query, int k, Predicate<PooledCv> admits, String excluded) {
    return entries.stream().filter(e -> !e.id().equals(excluded) && admits.test(e))
        .sorted(Comparator.comparingDouble((PooledCv e) -> -dot(query, vectors.get(e.id()))).thenComparing(PooledCv::id))
        .limit(k).map(PooledCv::id).toList();
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
