package dev.jobcode.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.table.TemporaryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code meta.json} of a candidate pool: the model that encoded its vectors (a pool is only
 * searched with the same model), how many CVs it holds and when it last changed. Fields are only
 * ever added.
 *
 * @param labelled CVs whose occupation was given by the caller: the voters of kNN classification
 */
public record PoolMeta(
    @JsonProperty("format") int format,
    @JsonProperty("model") ModelInfo model,
    @JsonProperty("hnsw") HnswParams hnsw,
    @JsonProperty("count") int count,
    @JsonProperty("labelled") int labelled,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("changed_at") String changedAt) {

  public static final int FORMAT = 1;
  public static final String FILE = "meta.json";

  PoolMeta with(int count, int labelled, String changedAt) {
    return new PoolMeta(format, model, hnsw, count, labelled, createdAt, changedAt);
  }

  /** Writes {@code dir/meta.json} atomically: a crash leaves the old file or the new one. */
  void write(Path dir) throws IOException {
    TemporaryFiles.replace(dir.resolve(FILE), tmp -> IndexMeta.JSON.writeValue(tmp.toFile(), this));
  }

  /** True when {@code dir} holds a pool (its meta.json). */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  /** Reads {@code dir/meta.json}; a missing or foreign file is an {@link IndexException}. */
  public static PoolMeta read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      PoolMeta meta = IndexMeta.JSON.readValue(Files.readAllBytes(file), PoolMeta.class);
      if (meta.format() != FORMAT || meta.model() == null) {
        throw new IndexException(file + " is not a jobcode candidate pool description of format " + FORMAT);
      }
      return meta;
    } catch (NoSuchFileException e) {
      throw new IndexException("no candidate pool at " + dir + " (no " + FILE + "); add CVs with "
          + "'jobcode candidates add --pool " + dir + " FILES…'", e);
    } catch (IOException e) {
      throw new IndexException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
