package dev.jobcode.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jobcode.encoder.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code meta.json}: what an index holds and how it was made. A contract: fields are only ever
 * added. {@code documents} counts occupation texts by kind; {@code vectors} counts the distinct
 * texts indexed in each vector field (a text shared by several occupations is indexed once);
 * {@code candidates} describes the CV index in {@code candidates/}, when there is one.
 */
public record IndexMeta(
    @JsonProperty("format") int format,
    @JsonProperty("taxonomy") TaxonomyInfo taxonomy,
    @JsonProperty("model") ModelInfo model,
    @JsonProperty("similarity") String similarity,
    @JsonProperty("hnsw") HnswParams hnsw,
    @JsonProperty("occupations") int occupations,
    @JsonProperty("documents") Map<String, Integer> documents,
    @JsonProperty("vectors") Map<String, Integer> vectors,
    @JsonProperty("built_at") String builtAt,
    @JsonProperty("build_seconds") double buildSeconds,
    @JsonProperty("candidates") CandidatesInfo candidates) {

  public static final int FORMAT = 1;
  public static final String FILE = "meta.json";

  /**
   * The CVs that builds with {@code --cvs} kept in {@code candidates/} before the candidate pool had
   * a folder of its own (null for newer builds; {@link LegacyCandidates} moves them into a pool).
   *
   * @param labelled how many CVs carry an O*NET code (the voters of kNN classification)
   */
  public record CandidatesInfo(int count, int labelled, String source, double buildSeconds) {}

  public boolean hasCandidates() {
    return candidates != null;
  }

  /** Which taxonomy release, and the folder it was read from. */
  public record TaxonomyInfo(String name, String version, String source) {}

  static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(FILE).toFile(), this);
  }

  /** Reads {@code dir/meta.json}; an absent or unreadable file is an {@link IndexException}. */
  public static IndexMeta read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      IndexMeta meta = JSON.readValue(Files.readAllBytes(file), IndexMeta.class);
      if (meta.format() != FORMAT || meta.taxonomy() == null || meta.model() == null) {
        throw new IndexException(file + " is not a jobcode index description of format " + FORMAT
            + "; rebuild the index with 'jobcode index'");
      }
      return meta;
    } catch (NoSuchFileException e) {
      throw new IndexException("no jobcode index at " + dir + " (no " + FILE
          + "); build one with 'jobcode index --out " + dir + "'", e);
    } catch (IOException e) {
      throw new IndexException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
