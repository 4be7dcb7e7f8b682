package dev.jobcode.measure;

import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.taxonomy.OccupationText;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * Index build time against the pure encoding time of the same texts, both on the first {@code n}
 * occupations of an O*NET release, in one run: what the Lucene side (grouping, HNSW insertion,
 * merging, verifying, writing) adds to the encoder's unavoidable work.
 */
final class BuildBench {
  private static final int CHUNK = 512;

  private BuildBench() {}

  static BenchReport.Build run(Path onetDir, Encoder encoder, HnswParams hnsw, int n) throws IOException {
    Taxonomy subset = OnetLoader.load(onetDir, Optional.empty()).firstOccupations(n);
    List<OccupationText> texts = subset.texts();
    Set<String> distinct = new LinkedHashSet<>();
    texts.forEach(t -> distinct.add(t.text()));
    List<String> unique = new ArrayList<>(distinct);

    long start = System.nanoTime();
    for (int from = 0; from < unique.size(); from += CHUNK) {
      encoder.encode(unique.subList(from, Math.min(from + CHUNK, unique.size())));
    }
    double encodeSeconds = (System.nanoTime() - start) / 1e9;

    Path tmp = Files.createTempDirectory("jobcode-bench-");
    try {
      start = System.nanoTime();
      new IndexBuilder(encoder, hnsw, ProgressListener.NONE).build(subset, onetDir.toString(), tmp.resolve("index"));
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      return new BenchReport.Build(subset.occupations().size(), unique.size(), Figures.round(encodeSeconds),
          Figures.round(buildSeconds), Figures.round(buildSeconds / encodeSeconds));
    } finally {
      IOUtils.rm(tmp);
    }
  }

  /** Bytes of every file below {@code dir}. */
  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
