package dev.jobcode.index;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.SocCrosswalk;
import dev.jobcode.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Builds the occupation index of a taxonomy: one Lucene document per distinct text (its text, the
 * codes and kinds of every occupation that has it, and a unit vector in the title or the text
 * field), {@code occupations.json}, {@code skills.json} and {@code meta.json}.
 *
 * <p>Steps: (1) lock the target and write into a temporary sibling folder; (2) encode texts in
 * chunks on the calling thread while a second thread adds the previous chunk to Lucene (HNSW
 * insertion overlaps encoding); (3) commit one segment; (4) verify the counts by reopening it;
 * (5) write the metadata; (6) swap the folder into place. Any failure deletes the temporary folder
 * and leaves the previous index as it was.
 */
public final class IndexBuilder {
  /** Lucene files live here, below the index folder. */
  public static final String ONET_DIR = "onet";
  /** Where indexes built with {@code --cvs} before the pool had a folder of its own kept their CVs. */
  public static final String CANDIDATES_DIR = "candidates";
  public static final String OCCUPATIONS_FILE = "occupations.json";
  /** The SOC 2010 → 2018 crosswalk, when the build had it. */
  public static final String SOC2010_FILE = "soc2010.json";
  static final TypeReference<List<Occupation>> OCCUPATION_LIST = new TypeReference<>() {};

  private static final int CHUNK = 512;

  private final Encoder encoder;
  private final HnswParams hnsw;
  private final ProgressListener progress;

  public IndexBuilder(Encoder encoder, HnswParams hnsw, ProgressListener progress) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.hnsw = Objects.requireNonNull(hnsw, "hnsw");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Builds the index of {@code taxonomy} into {@code target}, replacing what is there; no skills. */
  public IndexMeta build(Taxonomy taxonomy, String source, Path target) {
    return build(taxonomy, source, SkillDictionary.of(List.of()), target);
  }

  /**
   * As above, with the release's technology skills and tools in {@code skills.json}, for finding
   * them in CVs and postings.
   */
  public IndexMeta build(Taxonomy taxonomy, String source, SkillDictionary skills, Path target) {
    return build(taxonomy, source, skills, Optional.empty(), target);
  }

  /**
   * As above, with the SOC 2010 → 2018 crosswalk in {@code soc2010.json}, so the served index reads
   * SOC 2010 codes without a path of its own; without it, 2010 codes are refused.
   */
  public IndexMeta build(Taxonomy taxonomy, String source, SkillDictionary skills, Optional<SocCrosswalk> crosswalk,
                         Path target) {
    long start = System.nanoTime();
    Path lockFile = target.toAbsolutePath().normalize().resolveSibling("." + target.getFileName() + ".lock");
    try {
      Files.createDirectories(lockFile.getParent());
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock lock = channel.tryLock()) {
        if (lock == null) {
          throw new IndexException("another build into " + target + " is running");
        }
        Path tmp = IndexDirectories.newTemporary(target);
        try {
          Map<String, Integer> vectors = writeLucene(taxonomy, tmp.resolve(ONET_DIR));
          verify(tmp, vectors);
          IndexMeta.JSON.writerFor(OCCUPATION_LIST)
              .writeValue(tmp.resolve(OCCUPATIONS_FILE).toFile(), List.copyOf(taxonomy.occupations().values()));
          skills.write(tmp.resolve(SkillDictionary.FILE_NAME));
          if (crosswalk.isPresent()) {
            IndexMeta.JSON.writeValue(tmp.resolve(SOC2010_FILE).toFile(), crosswalk.get());
          }
          IndexMeta meta = new IndexMeta(IndexMeta.FORMAT,
              new IndexMeta.TaxonomyInfo(taxonomy.name(), taxonomy.version(), source),
              encoder.model(), "dot_product", hnsw, taxonomy.occupations().size(), textCounts(taxonomy), vectors,
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              Math.round((System.nanoTime() - start) / 1e7) / 100.0, null);
          meta.write(tmp);
          IndexDirectories.replace(tmp, target);
          return meta;
        } finally {
          IOUtils.rm(tmp);
        }
      }
    } catch (IOException e) {
      throw new IndexException("index build into " + target + " failed: " + e.getMessage(), e);
    }
  }

  private Map<String, Integer> writeLucene(Taxonomy taxonomy, Path dir) throws IOException {
    List<IndexedText> docs = IndexedText.group(taxonomy.texts());
    IndexWriterConfig config = new IndexWriterConfig()
        .setCodec(codec())
        .setRAMBufferSizeMB(1024) // one segment: no HNSW merges
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    ExecutorService adder = Executors.newSingleThreadExecutor(r -> new Thread(r, "index-writer"));
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      Future<?> pending = null;
      for (int from = 0; from < docs.size(); from += CHUNK) {
        List<IndexedText> chunk = docs.subList(from, Math.min(from + CHUNK, docs.size()));
        List<float[]> vectors = encoder.encode(chunk.stream().map(IndexedText::text).toList());
        await(pending);
        pending = adder.submit(() -> {
          writer.addDocuments(documents(chunk, vectors));
          return null;
        });
        progress.progress(from + chunk.size(), docs.size());
      }
      await(pending);
      writer.forceMerge(1);
      writer.commit();
    } finally {
      adder.shutdownNow();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(Fields.TITLE_VECTOR, (int) docs.stream().filter(IndexedText::titleLike).count());
    counts.put(Fields.TEXT_VECTOR, (int) docs.stream().filter(d -> !d.titleLike()).count());
    return counts;
  }

  private static List<Document> documents(List<IndexedText> chunk, List<float[]> vectors) {
    List<Document> docs = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      IndexedText t = chunk.get(i);
      Document doc = new Document();
      // Parallel multi-valued fields: the i-th code goes with the i-th kind.
      for (Label label : t.labels()) {
        doc.add(new StringField(Fields.CODE, label.code(), Field.Store.YES));
        doc.add(new StoredField(Fields.KIND, label.kind().id()));
      }
      doc.add(new StoredField(Fields.TEXT, t.text()));
      doc.add(new KnnFloatVectorField(t.titleLike() ? Fields.TITLE_VECTOR : Fields.TEXT_VECTOR, vectors.get(i),
          VectorSimilarityFunction.DOT_PRODUCT));
      docs.add(doc);
    }
    return docs;
  }

  private static void await(Future<?> pending) throws IOException {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("index build interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IndexException("adding documents failed: " + e.getCause(), e.getCause());
    }
  }

  private Lucene104Codec codec() {
    return codec(hnsw);
  }

  /** Lucene's default codec with our HNSW settings on every vector field. */
  static Lucene104Codec codec(HnswParams hnsw) {
    return codec(VectorFormat.FLOAT32.format(hnsw));
  }

  /** Lucene's default codec with {@code format} on every vector field. */
  static Lucene104Codec codec(KnnVectorsFormat format) {
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  private static Map<String, Integer> textCounts(Taxonomy taxonomy) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    taxonomy.countsByKind().forEach((kind, n) -> counts.put(kind.id(), n));
    return counts;
  }

  /** Reopens what was written and checks that every distinct text is there. */
  private static void verify(Path tmp, Map<String, Integer> counts) {
    int expected = counts.values().stream().mapToInt(Integer::intValue).sum();
    try (VectorIndex written = VectorIndex.open(tmp.resolve(ONET_DIR))) {
      if (written.size() != expected) {
        throw new IndexException("index verification failed: wrote " + expected + " documents, found "
            + written.size() + " documents");
      }
    }
  }
}
