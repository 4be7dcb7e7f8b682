package dev.jobcode.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bench --pool-sizes} at tiny sizes, on copies of the fixture pool's 300 fake-encoded CVs. */
class PoolScalingTest {
  private static final List<Integer> SIZES = List.of(300, 1000);
  private static final int QUERIES = 40;
  private static Path root;
  private static PoolScalingReport report;
  private static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void measure() throws IOException {
    root = TempDirs.create("jobcode-pool-scaling-test-");
    report = PoolScaling.run(Fixtures.pool(), new PoolScaling.Plan(SIZES, 0.05, 7, QUERIES), root, progress::add);
  }

  @Test
  void everySizeIsMeasuredInBothFormatsAndItsPoolsAreDeleted() throws IOException {
    assertThat(report.rows()).extracting(PoolScalingReport.Row::format, PoolScalingReport.Row::vectors)
        .containsExactly(tuple("float32", 300), tuple("int8", 300), tuple("float32", 1000), tuple("int8", 1000));
    assertThat(report.rows()).extracting(PoolScalingReport.Row::luceneFormat).containsExactly(
        "Lucene99HnswVectorsFormat", "Lucene104HnswScalarQuantizedVectorsFormat", "Lucene99HnswVectorsFormat",
        "Lucene104HnswScalarQuantizedVectorsFormat");
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).as("temporary pools left in " + root).isEmpty();
    }
    assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("int8, 1,000 vectors: built in"));
  }

  @Test
  void theReportSaysWhatWasCopiedAndHow() {
    assertThat(report.sources()).isEqualTo(Fixtures.FIXTURE_CVS);
    assertThat(report.model()).isEqualTo(FakeEncoder.MODEL.id());
    assertThat(report.dimension()).isEqualTo(64);
    assertThat(report.queries()).isEqualTo(QUERIES);
    assertThat(report.k()).isEqualTo(10);
    // Noise of 0.05 in each of 64 dimensions has a norm of about 0.4: cos ≈ 1 / sqrt(1 + 0.16) = 0.93.
    assertThat(report.copyCosine()).isBetween(0.90, 0.96);
    assertThat(report.filterShare()).isGreaterThan(0).isLessThan(1);
  }

  @Test
  void recallIsAShareAndHighAtTheseSizes() {
    for (PoolScalingReport.Row row : report.rows()) {
      assertThat(row.recallAt10()).as(row.format() + " " + row.vectors()).isBetween(0.8, 1.0);
      assertThat(row.recallAt10Filtered()).as(row.format() + " " + row.vectors() + " filtered").isBetween(0.8, 1.0);
    }
  }

  @Test
  void theShareOfOwnSourceCopiesAmongTheExactNearestGrowsWithTheCopies() {
    List<PoolScalingReport.Row> rows = report.rows();
    // 300 vectors: one copy of each source, the query's own among its 10 nearest; 1,000: three or four.
    assertThat(rows.get(0).ownSourceShare()).isBetween(0.05, 0.2);
    assertThat(rows.get(2).ownSourceShare()).isGreaterThan(rows.get(0).ownSourceShare()).isLessThanOrEqualTo(0.4);
    assertThat(rows.get(1).ownSourceShare()).isEqualTo(rows.get(0).ownSourceShare());
  }

  @Test
  void latenciesAndBuildTimesAreMeasured() {
    for (PoolScalingReport.Row row : report.rows()) {
      assertThat(row.buildSeconds()).isPositive();
      assertThat(row.measureSeconds()).isPositive();
      assertThat(row.segments()).isPositive();
      assertThat(row.search().p50Ms()).isPositive().isLessThanOrEqualTo(row.search().p99Ms());
      assertThat(row.searchFiltered().p50Ms()).isPositive().isLessThanOrEqualTo(row.searchFiltered().p99Ms());
      assertThat(row.heapAfterGcBytes()).isPositive();
      assertThat(row.buildPeakHeapBytes()).isPositive();
    }
  }

  @Test
  void filesGrowWithThePoolAndInt8VectorsAreAboutAQuarterOfTheFloats() {
    List<PoolScalingReport.Row> rows = report.rows();
    for (int format = 0; format < 2; format++) {
      PoolScalingReport.Row small = rows.get(format);
      PoolScalingReport.Row large = rows.get(format + 2);
      assertThat(large.diskBytes()).isGreaterThan(small.diskBytes());
      assertThat(large.vectorBytes()).isGreaterThan(small.vectorBytes());
      assertThat(large.graphBytes()).isGreaterThan(small.graphBytes());
    }
    for (PoolScalingReport.Row row : rows) {
      assertThat(row.mappedBytes()).isEqualTo(row.vectorBytes() + row.graphBytes()).isLessThan(row.diskBytes());
      long floats = row.vectors() * 64L * Float.BYTES;
      if (row.format().equals("float32")) {
        assertThat(row.vectorBytes()).isBetween(floats, floats + 1024);
      } else {
        // A byte per dimension and a few floats of corrections per vector; the floats stay on disk besides.
        assertThat(row.vectorBytes()).isBetween(floats / 4, floats / 2);
        assertThat(row.diskBytes()).isGreaterThan(floats + row.vectorBytes());
      }
    }
  }

  @Test
  void jsonHasTheKeysOfTheReport() {
    JsonNode json = Json.MAPPER.valueToTree(report);
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("pool", "model", "dimension", "sources", "sigma", "seed", "copy_cosine",
        "queries", "k", "filter", "filter_share", "hnsw_m", "hnsw_beam_width", "heap_before_bytes", "rows");
    List<String> rowKeys = new ArrayList<>();
    json.at("/rows/0").fieldNames().forEachRemaining(rowKeys::add);
    assertThat(rowKeys).containsExactly("format", "lucene_format", "vectors", "segments", "build_seconds",
        "disk_bytes", "vector_bytes", "graph_bytes", "mapped_bytes", "heap_after_gc_bytes", "build_peak_heap_bytes",
        "search_p50_ms", "search_p99_ms", "search_filtered_p50_ms", "search_filtered_p99_ms", "recall_at_10",
        "recall_at_10_filtered", "own_source_share", "exact_seconds", "measure_seconds");
    assertThat(json.at("/rows").size()).isEqualTo(4);
    assertThat(json.at("/sigma").asDouble()).isEqualTo(0.05);
    assertThat(json.at("/rows/3/recall_at_10").asDouble()).isEqualTo(report.rows().get(3).recallAt10());
  }

  @Test
  void theTableSaysHowTheVectorsWereMadeAndHasARowPerSizeAndFormat() {
    String table = PoolScalingTable.render(report);
    assertThat(table).contains("the 300 real CV vectors", "perturbed with Gaussian noise (sigma 0.05 per dimension, "
        + "seed 7) and re-normalised (L2)", "40 held-out perturbed copies", "copies of its own source");
    assertThat(table.lines().filter(l -> l.startsWith("float32 ") || l.startsWith("int8 ")))
        .hasSize(4)
        .anySatisfy(l -> assertThat(l).startsWith("int8").contains("1,000"));
  }
}
