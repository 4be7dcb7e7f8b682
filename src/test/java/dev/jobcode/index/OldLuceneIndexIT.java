package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.testing.OldLucene;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indexes whose Lucene folder an older Lucene wrote (issue 17): the real O*NET 30.0 index rewritten
 * by Lucene 9.12 (the previous major, read through lucene-backward-codecs) gives the same answers as
 * the one Lucene 10 wrote; one written by Lucene 8.11 is refused with one line that says to rebuild.
 */
class OldLuceneIndexIT {
  /** Hand-made queries: titles as people write them, and texts that search the description/task vectors. */
  private static final List<Query> QUERIES = List.of(
      Query.of("Registered Nurse"), Query.of("ICU nurse"), Query.of("Senior Java Developer"),
      Query.of("data scientist"), Query.of("Forklift driver"), Query.of("Line cook"), Query.of("Electrician apprentice"),
      Query.of("Accounts payable clerk"), Query.of("HR business partner"), Query.of("Truck Driver CDL-A"),
      Query.of("Dental hygienist"), Query.of("Store manager"), Query.of("Welder"), Query.of("Paralegal"),
      Query.of("Chief Financial Officer"), Query.of("barista"), Query.of("Customer service representative"),
      Query.of("Machine learning engineer"), Query.of("Plumber"), Query.of("Kindergarten teacher"),
      new Query("Nurse", "Cares for patients in the emergency department, gives medication, records vital signs",
          Query.DEFAULT_K, Mode.VOTE),
      Query.ofText("Installs and repairs electrical wiring in homes and offices; reads blueprints", 5, Mode.VOTE),
      Query.ofText("Prepares tax returns and keeps the books of small businesses", 5, Mode.SIMILARITY),
      Query.ofText("Drives a delivery van and loads parcels", 10, Mode.CENTROID));

  private static Path lucene9;
  private static Path lucene8;

  @BeforeAll
  static void writeOldIndexes() {
    lucene9 = OldLucene.realIndex(OldLucene.Release.LUCENE_9_12);
    lucene8 = OldLucene.realIndex(OldLucene.Release.LUCENE_8_11);
  }

  @Test
  void theRewrittenFoldersAreReallyWrittenByTheOldLucene() throws IOException {
    try (FSDirectory dir = FSDirectory.open(lucene9.resolve(IndexBuilder.ONET_DIR))) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      assertThat(infos.getIndexCreatedVersionMajor()).isEqualTo(9);
      assertThat(infos.size()).isEqualTo(1);
      SegmentCommitInfo segment = infos.info(0);
      assertThat(segment.info.getVersion()).isEqualTo(Version.fromBits(9, 12, 3));
      assertThat(segment.info.getCodec().getName()).isEqualTo("Lucene912");
    }
    try (FSDirectory dir = FSDirectory.open(lucene8.resolve(IndexBuilder.ONET_DIR))) {
      assertThatThrownBy(() -> SegmentInfos.readLatestCommit(dir))
          .isInstanceOf(org.apache.lucene.index.IndexFormatTooOldException.class)
          .hasMessageContaining("derived from Lucene version 8.x");
    }
  }

  @Test
  void anIndexWrittenByLucene9GivesTheSameAnswersAsOneWrittenByLucene10() {
    // One vector per text for both indexes: the encoder's float sums may differ in the last bits
    // between two calls, which would hide what this compares (the indexes).
    Encoder encoder = new SameVectors(RealData.encoder());
    try (OnetIndex old = OnetIndex.open(lucene9, encoder.model());
         OnetIndex current = OnetIndex.open(RealData.index(), encoder.model())) {
      assertThat(old.meta()).isEqualTo(current.meta());
      assertThat(old.occupations()).isEqualTo(current.occupations());
      assertThat(old.vectors().size()).isEqualTo(current.vectors().size());
      ClassifierSettings settings = RealData.classifier().settings();
      Classifier before = new Classifier(old, encoder, settings);
      Classifier now = new Classifier(current, encoder, settings);
      for (Query query : QUERIES) {
        assertThat(answers(before.classify(query))).as(query.toString()).isEqualTo(answers(now.classify(query)));
      }
      // Below the classifier: the HNSW graph search itself, 100 neighbours of every query in both fields.
      for (Query query : QUERIES) {
        float[] v = encoder.encode(query.textOnly() ? query.description() : query.title());
        for (String field : List.of(Fields.TITLE_VECTOR, Fields.TEXT_VECTOR)) {
          assertThat(old.vectors().search(field, v, 100)).as(field + " " + query)
              .isEqualTo(current.vectors().search(field, v, 100));
        }
      }
    }
  }

  @Test
  void anIndexWrittenByLucene8IsRefusedWithOneLineThatSaysToRebuild() {
    assertThatThrownBy(() -> OnetIndex.open(lucene8, RealData.encoder().model()))
        .isInstanceOf(IndexException.class)
        .hasMessage(OldLucene.lucene8Refusal(lucene8));
  }

  /** The wrapped encoder's vector of a text, computed once. */
  private record SameVectors(Encoder encoder, Map<String, float[]> known) implements Encoder {
    SameVectors(Encoder encoder) {
      this(encoder, new ConcurrentHashMap<>());
    }

    @Override
    public ModelInfo model() {
      return encoder.model();
    }

    @Override
    public List<float[]> encode(List<String> texts) {
      return texts.stream().map(t -> known.computeIfAbsent(t, encoder::encode)).toList();
    }
  }

  /** Each result's code and score, and the review reason: what a caller sees. */
  private static List<String> answers(Classification c) {
    List<String> out = new ArrayList<>();
    c.results().forEach(m -> out.add(m.occupation().code() + " " + m.score()));
    out.add("review: " + c.reviewReason());
    return out;
  }
}
