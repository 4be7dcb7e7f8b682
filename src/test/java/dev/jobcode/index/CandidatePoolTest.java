package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.PoolFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate pool's store on its own: fake vectors, real Lucene files. */
class CandidatePoolTest {
  private static final FakeEncoder ENCODER = new FakeEncoder();

  @TempDir
  Path tmp;

  private static CandidateStore.Put put(Cv cv, boolean replace) {
    return new CandidateStore.Put(new PooledCv(cv, List.of(), "2026-01-01T00:00:00Z", null),
        ENCODER.encode(List.of(cv.text())).get(0), replace);
  }

  private static Cv cv(String id, String text) {
    return new Cv(id, "Name " + id, "Headline " + id, "29-1141.00", null, "29", "senior", 5, false, null, null, null,
        text);
  }

  private CandidatePool open(Duration mergeDelay) {
    return CandidatePool.open(tmp.resolve("pool"), FakeEncoder.MODEL, HnswParams.DEFAULT, mergeDelay);
  }

  @Test
  void aNewPoolIsCreatedEmptyWithItsModelInMeta() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      assertThat(pool.size()).isZero();
      assertThat(pool.list()).isEmpty();
      PoolMeta meta = PoolMeta.read(tmp.resolve("pool"));
      assertThat(meta.model()).isEqualTo(FakeEncoder.MODEL);
      assertThat(meta.count()).isZero();
    }
    assertThat(tmp.resolve("pool").resolve(CandidatePool.LUCENE_DIR)).isDirectory();
  }

  @Test
  void addedCvsAreFoundAtOnceAndSurviveAReopen() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      List<CandidateStore.PutResult> r = pool.put(List.of(put(cv("a", "icu nurse cardiac ward"), false),
          put(cv("b", "java developer spring microservices"), false)));
      assertThat(r).extracting(CandidateStore.PutResult::outcome)
          .containsExactly(CandidateStore.Outcome.ADDED, CandidateStore.Outcome.ADDED);
      float[] q = ENCODER.encode(List.of("nurse on a cardiac ward")).get(0);
      assertThat(pool.search(q, 1, CandidateFilter.NONE, Set.of()).get(0).entry().id()).isEqualTo("a");
      assertThat(pool.get("b").orElseThrow().cv().text()).isEqualTo("java developer spring microservices");
      assertThat(PoolMeta.read(tmp.resolve("pool")).count()).isEqualTo(2);
      assertThat(PoolMeta.read(tmp.resolve("pool")).labelled()).isEqualTo(2);
    }
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      assertThat(pool.list()).extracting(PooledCv::id).containsExactly("a", "b");
      assertThat(pool.vector("a")).get().satisfies(v -> assertThat(v).hasSize(FakeEncoder.MODEL.dimension()));
      assertThat(pool.vector("nobody")).isEmpty();
    }
  }

  @Test
  void theSameTextTwiceIsADuplicateAndATakenIdIsRefusedUnlessReplaced() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      pool.put(List.of(put(cv("a", "icu nurse cardiac ward"), false)));
      List<CandidateStore.PutResult> r = pool.put(List.of(
          put(cv("b", "  icu   nurse cardiac\nward "), false),     // the same words: a duplicate
          put(cv("a", "another text"), false),                    // the id is taken
          put(cv("c", "plumber"), true),                          // nothing to replace
          put(cv("d", "electrician"), false),
          put(cv("e", "electrician"), false)));                   // a duplicate within the batch
      assertThat(r).extracting(CandidateStore.PutResult::outcome).containsExactly(CandidateStore.Outcome.DUPLICATE,
          CandidateStore.Outcome.ID_TAKEN, CandidateStore.Outcome.NOT_FOUND, CandidateStore.Outcome.ADDED,
          CandidateStore.Outcome.DUPLICATE);
      assertThat(r.get(0).duplicateOf()).isEqualTo("a");
      assertThat(r.get(4).duplicateOf()).isEqualTo("d");
      assertThat(pool.put(List.of(put(cv("a", "icu nurse cardiac ward, now 7 years"), true))).get(0).outcome())
          .isEqualTo(CandidateStore.Outcome.REPLACED);
      assertThat(pool.list()).extracting(PooledCv::id).containsExactly("a", "d");
      assertThat(pool.get("a").orElseThrow().cv().text()).endsWith("now 7 years");
    }
  }

  @Test
  void inferredOccupationsFilterButNeverVote() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      Cv nurse = cv("n", "icu nurse cardiac ward");
      pool.put(List.of(new CandidateStore.Put(new PooledCv(nurse, List.of("onet_code", "major_group"), "t", "cv.pdf"),
          ENCODER.encode(List.of(nurse.text())).get(0), false)));
      float[] q = ENCODER.encode(List.of("nurse")).get(0);
      CandidateFilter nurses = new CandidateFilter("29-1141.00", null, null, null, null);
      assertThat(pool.search(q, 5, nurses, Set.of())).hasSize(1);
      assertThat(pool.search(q, 5, nurses.withLabelledOnly(), Set.of())).isEmpty();
      assertThat(pool.meta().labelled()).isZero();
      assertThat(pool.get("n").orElseThrow().source()).isEqualTo("cv.pdf");
    }
  }

  @Test
  void aPoolOfAnotherModelIsRefusedWithWhatToDo() {
    open(CandidatePool.MERGE_DELAY).close();
    ModelInfo other = new ModelInfo("other-model", "f".repeat(64), 64, "mean");
    assertThatThrownBy(() -> CandidatePool.open(tmp.resolve("pool"), other, HnswParams.DEFAULT))
        .isInstanceOf(IndexException.class).hasMessageContaining("fake-bow").hasMessageContaining("other-model")
        .hasMessageContaining("jobcode candidates reencode");
  }

  @Test
  void aSecondWriterIsRefusedNamingUrlButReadersAreWelcome() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      pool.put(List.of(put(cv("a", "icu nurse"), false)));
      assertThatThrownBy(() -> CandidatePool.openExisting(tmp.resolve("pool")))
          .isInstanceOf(PoolBusyException.class).hasMessageContaining("--url");
      try (CandidatePool reader = CandidatePool.openReadOnly(tmp.resolve("pool"))) {
        assertThat(reader.size()).isEqualTo(1);
        assertThatThrownBy(() -> reader.delete(List.of("a"))).isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  void aFolderThatIsNotAPoolIsNotTakenOver() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("pool"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> open(CandidatePool.MERGE_DELAY)).isInstanceOf(IndexException.class)
        .hasMessageContaining("not empty");
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void anErasedCvsTextLeavesTheFilesOnceDeletionsAreMerged() throws Exception {
    String marker = PoolFiles.marker();
    try (CandidatePool pool = open(Duration.ofMillis(200))) {
      List<CandidateStore.Put> puts = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        puts.add(put(cv("cv-" + i, "plain cv number " + i + " welder fabricator"), false));
      }
      pool.put(puts);
      pool.put(List.of(put(cv("secret", "nurse " + marker + " with a unique word"), false)));
      assertThat(PoolFiles.stored(tmp.resolve("pool"), marker)).as("the marker is stored before the delete").isTrue();
      List<CandidateStore.Receipt> receipts = pool.delete(List.of("secret", "nobody"));
      assertThat(receipts).extracting(CandidateStore.Receipt::id).containsExactly("secret");
      assertThat(receipts.get(0).textChars()).isPositive();
      assertThat(pool.get("secret")).isEmpty();
      float[] q = ENCODER.encode(List.of("nurse " + marker)).get(0);
      assertThat(pool.search(q, 40, CandidateFilter.NONE, Set.of())).extracting(m -> m.entry().id())
          .doesNotContain("secret").hasSize(30);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (filesContain(marker) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(filesContain(marker)).as("the marker left the files after the merge").isFalse();
      assertThat(pool.size()).isEqualTo(30);
    }
  }

  @Test
  void aCloseMergesPendingDeletionsAway() throws Exception {
    String marker = PoolFiles.marker();
    try (CandidatePool pool = open(Duration.ofHours(1))) {
      pool.put(List.of(put(cv("keep", "welder"), false), put(cv("secret", "nurse " + marker), false)));
      pool.delete(List.of("secret"));
    }
    assertThat(filesContain(marker)).isFalse();
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      assertThat(pool.list()).extracting(PooledCv::id).containsExactly("keep");
    }
  }

  @Test
  void concurrentWritersAndSearchersSeeWholeVersionsOnly() throws Exception {
    try (CandidatePool pool = open(Duration.ofMillis(50))) {
      pool.put(List.of(put(cv("same", "version zero"), false)));
      ExecutorService threads = Executors.newFixedThreadPool(6);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        String who = "writer" + w;
        work.add(threads.submit(() -> {
          for (int i = 0; i < 40; i++) {
            Cv c = new Cv("same", who, who, "29-1141.00", null, "29", "senior", 5, false, null, null, null,
                who + " version " + i);
            pool.put(List.of(put(c, true)));
            pool.put(List.of(put(cv(who + "-" + i, who + " extra cv " + i), false)));
            if (i % 3 == 0) {
              pool.delete(List.of(who + "-" + (i - 1)));
            }
          }
        }));
      }
      float[] q = ENCODER.encode(List.of("version")).get(0);
      for (int r = 0; r < 4; r++) {
        work.add(threads.submit(() -> {
          for (int i = 0; i < 100; i++) {
            try {
              Optional<PooledCv> same = pool.get("same");
              PooledCv e = same.orElseThrow();
              // One writer's whole version: its name and its text agree.
              assertThat(e.cv().text()).startsWith(e.cv().name().equals("Name same") ? "version" : e.cv().name());
              pool.search(q, 10, CandidateFilter.NONE, Set.of());
            } catch (Throwable t) {
              errors.add(t);
            }
          }
        }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
      threads.shutdown();
      assertThat(errors).isEmpty();
      assertThat(pool.get("same").orElseThrow().cv().text()).matches("writer[01] version 39");
    }
  }

  @Test
  void reencodingReplacesEveryVectorWithTheNewModels() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      pool.put(List.of(put(cv("a", "icu nurse"), false), put(cv("b", "welder"), false)));
    }
    ModelInfo other = new ModelInfo("other-model", "f".repeat(64), 64, "mean");
    PoolMeta meta = CandidatePool.reencode(tmp.resolve("pool"), new FakeEncoder(other, Integer.MAX_VALUE),
        HnswParams.DEFAULT, ProgressListener.NONE);
    assertThat(meta.model()).isEqualTo(other);
    assertThat(meta.count()).isEqualTo(2);
    try (CandidatePool pool = CandidatePool.open(tmp.resolve("pool"), other, HnswParams.DEFAULT)) {
      assertThat(pool.list()).extracting(PooledCv::id).containsExactly("a", "b");
    }
  }

  @Test
  void aReencodingThatFailsLeavesThePoolAsItWas() {
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      pool.put(List.of(put(cv("a", "icu nurse"), false), put(cv("b", "welder"), false)));
    }
    ModelInfo other = new ModelInfo("other-model", "f".repeat(64), 64, "mean");
    assertThatThrownBy(() -> CandidatePool.reencode(tmp.resolve("pool"), new FakeEncoder(other, 1),
        HnswParams.DEFAULT, ProgressListener.NONE)).hasMessageContaining("told to fail");
    assertThat(PoolMeta.read(tmp.resolve("pool")).model()).isEqualTo(FakeEncoder.MODEL);
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      assertThat(pool.size()).isEqualTo(2);
    }
  }

  @Test
  void theCvsOfAnOldIndexWithCandidatesMoveIntoAPool() throws IOException {
    Path index = tmp.resolve("old-index");
    Fixtures.buildIndex(ENCODER, index);
    writeLegacyCandidates(index, Fixtures.cvs().subList(0, 12));
    assertThat(LegacyCandidates.present(index)).isTrue();
    try (CandidatePool pool = open(CandidatePool.MERGE_DELAY)) {
      List<CandidateStore.PutResult> r = pool.put(LegacyCandidates.read(index));
      assertThat(r).allMatch(CandidateStore.PutResult::stored).hasSize(12);
      assertThat(pool.get("cv-00001").orElseThrow().cv()).isEqualTo(Fixtures.cvs().get(0));
      assertThat(pool.meta().labelled()).isEqualTo(12);
    }
  }

  /** What 'jobcode index --cvs' wrote before the pool had a folder of its own. */
  static void writeLegacyCandidates(Path index, List<Cv> cvs) throws IOException {
    try (FSDirectory d = FSDirectory.open(index.resolve(IndexBuilder.CANDIDATES_DIR));
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (Cv cv : cvs) {
        Document doc = new Document();
        doc.add(new StringField(Fields.CV_ID, cv.id(), Field.Store.NO));
        doc.add(new StoredField(Fields.CV_JSON, CvFile.toJson(cv)));
        doc.add(new KnnFloatVectorField(Fields.CV_VECTOR, ENCODER.encode(List.of(cv.text())).get(0),
            VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(doc);
      }
    }
    IndexMeta m = IndexMeta.read(index);
    new IndexMeta(m.format(), m.taxonomy(), m.model(), m.similarity(), m.hnsw(), m.occupations(), m.documents(),
        m.vectors(), m.builtAt(), m.buildSeconds(), new IndexMeta.CandidatesInfo(cvs.size(), cvs.size(), "old.jsonl", 1))
        .write(index);
  }

  private boolean filesContain(String marker) throws IOException {
    return PoolFiles.hold(tmp.resolve("pool"), marker);
  }
}
