package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.TextKind;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {
  @TempDir
  Path tmp;

  @Test
  void writesOneDocumentPerDistinctTextAndTheMetadata() {
    Path dir = tmp.resolve("default");
    Fixtures.buildIndex(new FakeEncoder(), dir);

    IndexMeta meta = IndexMeta.read(dir);
    assertThat(meta.taxonomy().version()).isEqualTo("99.1");
    assertThat(meta.model()).isEqualTo(FakeEncoder.MODEL);
    assertThat(meta.occupations()).isEqualTo(5);
    assertThat(meta.documents()).containsEntry("title", 5).containsEntry("alternate_title", 11)
        .containsEntry("reported_title", 1).containsEntry("description", 5).containsEntry("task", 5);
    // "Technician" belongs to two occupations but is indexed once: 5 + 11 + 1 - 1 title documents.
    assertThat(meta.vectors()).containsEntry(Fields.TITLE_VECTOR, 16).containsEntry(Fields.TEXT_VECTOR, 10);
    assertThat(meta.hnsw()).isEqualTo(HnswParams.DEFAULT);

    try (OnetIndex index = OnetIndex.open(dir, FakeEncoder.MODEL)) {
      VectorIndex v = index.vectors();
      assertThat(v.size()).isEqualTo(26);
      int technician = findDoc(v, "Technician");
      assertThat(v.labels(technician)).containsExactly(
          new Label("15-1252.00", TextKind.ALTERNATE_TITLE), new Label("47-2111.00", TextKind.ALTERNATE_TITLE));
      assertThat(index.occupation("15-1252.00").orElseThrow().jobZone()).isEqualTo(4);
    }
  }

  @Test
  void searchFindsTheExactTextFirstAndExactSearchAgrees() {
    Path dir = tmp.resolve("default");
    FakeEncoder encoder = new FakeEncoder();
    Fixtures.buildIndex(encoder, dir);
    try (OnetIndex index = OnetIndex.open(dir, FakeEncoder.MODEL)) {
      float[] q = encoder.encode("Wiring Technician");
      List<Hit> hnsw = index.vectors().search(Fields.TITLE_VECTOR, q, 3);
      List<Hit> exact = index.vectors().exactSearch(Fields.TITLE_VECTOR, q, 3);
      assertThat(index.vectors().text(hnsw.get(0).doc())).isEqualTo("Wiring Technician");
      assertThat(hnsw.get(0).score()).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
      assertThat(hnsw).extracting(Hit::doc).isEqualTo(exact.stream().map(Hit::doc).toList());
    }
  }

  @Test
  void aFailedBuildLeavesThePreviousIndexUntouched() throws IOException {
    Path dir = tmp.resolve("default");
    Fixtures.buildIndex(new FakeEncoder(), dir);
    String before = Files.readString(dir.resolve(IndexMeta.FILE));

    assertThatThrownBy(() -> Fixtures.buildIndex(new FakeEncoder(FakeEncoder.MODEL, 3), dir))
        .hasMessageContaining("fake encoder told to fail");

    assertThat(Files.readString(dir.resolve(IndexMeta.FILE))).isEqualTo(before);
    assertThat(siblings()).containsExactlyInAnyOrder("default", ".default.lock");
    try (OnetIndex index = OnetIndex.open(dir, FakeEncoder.MODEL)) {
      assertThat(index.vectors().size()).isEqualTo(26);
    }
  }

  @Test
  void leftoversOfAnInterruptedBuildAreClearedAndAMovedAsideIndexRestored() throws IOException {
    Path dir = tmp.resolve("default");
    Fixtures.buildIndex(new FakeEncoder(), dir);
    Files.createDirectories(tmp.resolve(".default.tmp-123/onet"));
    Files.move(dir, tmp.resolve(".default.old-42"));

    IndexDirectories.recover(dir);

    assertThat(siblings()).containsExactlyInAnyOrder("default", ".default.lock");
    assertThat(IndexMeta.read(dir).occupations()).isEqualTo(5);
  }

  @Test
  void anIndexBuiltWithAnotherModelIsRefused() {
    Path dir = tmp.resolve("default");
    Fixtures.buildIndex(new FakeEncoder(), dir);
    ModelInfo other = new ModelInfo("other-model", "1".repeat(64), 64, "mean");
    assertThatThrownBy(() -> OnetIndex.open(dir, other))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("built with model fake-bow").hasMessageContaining("loaded model is other-model");
  }

  @Test
  void aMissingOrIncompleteIndexIsRefusedClearly() throws IOException {
    assertThatThrownBy(() -> OnetIndex.open(tmp.resolve("none"), FakeEncoder.MODEL))
        .hasMessageContaining("no jobcode index at").hasMessageContaining("jobcode index");
    Path dir = tmp.resolve("default");
    Fixtures.buildIndex(new FakeEncoder(), dir);
    try (Stream<Path> files = Files.list(dir.resolve(IndexBuilder.ONET_DIR))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.delete(f);
      }
    }
    assertThatThrownBy(() -> OnetIndex.open(dir, FakeEncoder.MODEL))
        .isInstanceOf(IndexException.class).hasMessageContaining("incomplete or corrupt");
  }

  @Test
  void anIndexOfTheFirstJobcodeStillOpens() throws IOException {
    // The first jobcode wrote meta.json without "candidates" and no skills.json; its Lucene folder was as now.
    Path dir = tmp.resolve("first");
    Fixtures.buildIndex(new FakeEncoder(), dir);
    Path meta = dir.resolve(IndexMeta.FILE);
    String now = Files.readString(meta);
    Files.writeString(meta, now.replaceFirst(",\\s*\"candidates\" : null", ""));
    assertThat(Files.readString(meta)).isNotEqualTo(now).doesNotContain("candidates");
    Files.delete(dir.resolve(SkillDictionary.FILE_NAME));
    try (OnetIndex index = OnetIndex.open(dir, FakeEncoder.MODEL)) {
      assertThat(index.meta().hasCandidates()).isFalse();
      assertThat(index.occupations()).hasSize(5);
      assertThat(index.skills().find("Python and Microsoft Excel")).isEmpty();
      assertThat(index.vectors().text(index.vectors().search(Fields.TITLE_VECTOR,
          new FakeEncoder().encode("Wiring Technician"), 1).get(0).doc())).isEqualTo("Wiring Technician");
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static int findDoc(VectorIndex v, String text) {
    for (int doc = 0; doc < v.size(); doc++) {
      if (v.text(doc).equals(text)) {
        return doc;
      }
    }
    throw new AssertionError("no document " + text);
  }
}
