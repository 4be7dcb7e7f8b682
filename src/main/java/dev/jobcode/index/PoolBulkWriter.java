package dev.jobcode.index;

import dev.jobcode.encoder.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.codecs.CompoundDirectory;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Writes a new candidate pool in one go, for measuring pools of a size no real pool has yet
 * ({@code bench --pool-sizes}): the pool's own documents, fields, writer settings (merge policy, RAM
 * buffer) and HNSW parameters, with the vector format of one's choice, but one commit at the end
 * and none of a put's checks (ids, duplicate texts): the caller makes ids and text hashes unique.
 * Open what it wrote with {@link CandidatePool#openReadOnly}. Not thread-safe.
 */
public final class PoolBulkWriter implements AutoCloseable {

  /**
   * What was written.
   *
   * @param segments Lucene segments after the merges the pool's merge policy chose
   * @param bytesByExtension bytes of the Lucene files by extension ({@code vec}, {@code vex}, {@code fdt}, …,
   *     {@code segments}), the files inside a compound file counted by their own, not as {@code cfs}
   */
  public record Written(int count, int segments, Map<String, Long> bytesByExtension) {
    public Written {
      bytesByExtension = Map.copyOf(bytesByExtension);
    }

    /** Bytes of the files with one of {@code extensions}. */
    public long bytes(Collection<String> extensions) {
      return extensions.stream().mapToLong(e -> bytesByExtension.getOrDefault(e, 0L)).sum();
    }
  }

  /** A compound file and its table of entries (Lucene90CompoundFormat): their entries are counted instead. */
  private static final Set<String> COMPOUND_EXTENSIONS = Set.of("cfs", "cfe");

  private final Path dir;
  private final ModelInfo model;
  private final HnswParams hnsw;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private int count;
  private int labelled;
  private boolean finished;

  private PoolBulkWriter(Path dir, ModelInfo model, HnswParams hnsw, FSDirectory directory, IndexWriter writer) {
    this.dir = dir;
    this.model = model;
    this.hnsw = hnsw;
    this.directory = directory;
    this.writer = writer;
  }

  /** Starts a pool of CVs encoded by {@code model} in {@code dir}, which must not exist yet. */
  public static PoolBulkWriter create(Path dir, ModelInfo model, HnswParams hnsw, VectorFormat format) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(hnsw, "hnsw");
    Objects.requireNonNull(format, "format");
    if (Files.exists(dir)) {
      throw new IndexException(dir + " exists; a bulk-written pool goes into a new folder");
    }
    FSDirectory directory = null;
    try {
      directory = FSDirectory.open(Files.createDirectories(dir.resolve(CandidatePool.LUCENE_DIR)));
      IndexWriter writer = new IndexWriter(directory, CandidatePool.config(IndexBuilder.codec(format.format(hnsw)),
          IndexWriterConfig.OpenMode.CREATE));
      return new PoolBulkWriter(dir, model, hnsw, directory, writer);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw new IndexException("cannot create a pool in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Adds one CV with its unit vector and the hash of its text ({@link CandidateStore#textHash}). */
  public void add(PooledCv entry, float[] vector, String textHash) {
    if (finished) {
      throw new IllegalStateException("the pool in " + dir + " is already written");
    }
    try {
      writer.addDocument(CandidatePool.document(entry, vector, textHash, model.dimension()));
    } catch (IOException e) {
      throw new IndexException("writing the pool in " + dir + " failed: " + e.getMessage(), e);
    }
    count++;
    if (entry.votes()) {
      labelled++;
    }
  }

  /**
   * Commits, waits for the merges the merge policy started, closes the writer, writes
   * {@code meta.json}, and says what is on disk.
   */
  public Written finish() {
    if (finished) {
      throw new IllegalStateException("the pool in " + dir + " is already written");
    }
    finished = true;
    try {
      writer.close();   // commits and waits for running merges
      String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
      new PoolMeta(PoolMeta.FORMAT, model, hnsw, count, labelled, now, now).write(dir);
      SegmentInfos segments = SegmentInfos.readLatestCommit(directory);
      return new Written(count, segments.size(), bytesByExtension(directory, segments));
    } catch (IOException e) {
      throw new IndexException("writing the pool in " + dir + " failed: " + e.getMessage(), e);
    } finally {
      IOUtils.closeWhileHandlingException(directory);
    }
  }

  private static Map<String, Long> bytesByExtension(Directory directory, SegmentInfos segments) throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    bytes.put(IndexFileNames.SEGMENTS, directory.fileLength(segments.getSegmentsFileName()));
    for (SegmentCommitInfo segment : segments) {
      boolean compound = segment.info.getUseCompoundFile();
      for (String file : segment.files()) {
        String extension = IndexFileNames.getExtension(file);
        if (!compound || !COMPOUND_EXTENSIONS.contains(extension)) {
          bytes.merge(extension, directory.fileLength(file), Long::sum);
        }
      }
      if (compound) {
        try (CompoundDirectory entries = segment.info.getCodec().compoundFormat()
            .getCompoundReader(directory, segment.info)) {
          for (String file : entries.listAll()) {
            bytes.merge(IndexFileNames.getExtension(file), entries.fileLength(file), Long::sum);
          }
        }
      }
    }
    return bytes;
  }

  /** Without {@link #finish}: drops what was added and leaves the folder for the caller to delete. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      try {
        writer.rollback();
      } catch (IOException e) {
        // the caller deletes the folder; a failed rollback changes nothing there
      } finally {
        IOUtils.closeWhileHandlingException(directory);
      }
    }
  }
}
