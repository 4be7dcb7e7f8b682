package dev.jobcode.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.json.Json;
import dev.jobcode.table.TemporaryFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate pool as one JSON Lines file, to move it between stores (embedded and OpenSearch)
 * without encoding again: a header line with the model that encoded the vectors, then one line per
 * CV with the CV as the pool keeps it and its vector. Read back in chunks, so a pool larger than
 * memory moves too.
 */
public final class PoolExport {
  public static final int FORMAT = 1;

  private PoolExport() {}

  /** The first line. */
  public record Header(@JsonProperty("jobcode_pool_export") int format, @JsonProperty("model") ModelInfo model,
                       @JsonProperty("hnsw") HnswParams hnsw, @JsonProperty("count") int count,
                       @JsonProperty("exported_at") String exportedAt) {}

  /** Every other line. */
  public record Line(PooledCv entry, float[] vector) {}

  /** Writes every CV of {@code store} with its vector to {@code file}; the file appears whole or not at all. */
  public static Header write(CandidateStore store, Path file, ProgressListener progress) {
    PoolMeta meta = store.meta();
    List<PooledCv> all = store.list();
    Header header = new Header(FORMAT, meta.model(), meta.hnsw(), all.size(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    try {
      TemporaryFiles.replace(file, tmp -> {
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          out.write(Json.MAPPER.writeValueAsString(header));
          out.newLine();
          int done = 0;
          for (PooledCv entry : all) {
            float[] vector = store.vector(entry.id()).orElseThrow(() -> new IndexException("CV " + entry.id()
                + " was deleted during the export; export again"));
            out.write(Json.MAPPER.writeValueAsString(new Line(entry, vector)));
            out.newLine();
            progress.progress(++done, all.size());
          }
        }
      });
    } catch (IOException e) {
      throw new IndexException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return header;
  }

  /** Opens {@code file} and reads its header; a file that is not an export is refused with what it is. */
  public static Reader read(Path file) {
    try {
      return new Reader(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IndexException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The lines of an export after its header, a chunk at a time. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private final Header header;
    private int lineNumber = 1;

    private Reader(Path file, BufferedReader in) throws IOException {
      this.file = file;
      this.in = in;
      try {
        String first = in.readLine();
        var node = first == null ? null : Json.MAPPER.readTree(first);
        Header h = node == null || !node.has("jobcode_pool_export") ? null : Json.MAPPER.treeToValue(node, Header.class);
        if (h == null || h.format() != FORMAT || h.model() == null) {
          throw notAnExport(file, null);
        }
        this.header = h;
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e instanceof IndexException ie ? ie : notAnExport(file, e);
      }
    }

    private static IndexException notAnExport(Path file, Exception cause) {
      return new IndexException(file + " is not a jobcode pool export of format " + FORMAT
          + " (write one with 'jobcode candidates export')", cause);
    }

    public Header header() {
      return header;
    }

    /** Up to {@code max} more CVs; empty at the end. */
    public List<Line> next(int max) {
      List<Line> lines = new ArrayList<>(max);
      try {
        String text;
        while (lines.size() < max && (text = in.readLine()) != null) {
          lineNumber++;
          if (text.isBlank()) {
            continue;
          }
          Line line = Json.MAPPER.readValue(text, Line.class);
          if (line.entry() == null || line.vector() == null || line.vector().length != header.model().dimension()) {
            throw new IndexException(file + " line " + lineNumber + ": a CV with a vector of "
                + header.model().dimension() + " dimensions is expected");
          }
          lines.add(line);
        }
        return lines;
      } catch (IOException e) {
        throw new IndexException(file + " line " + lineNumber + ": " + e.getMessage().lines().findFirst().orElse(""), e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read only: nothing to lose
      }
    }
  }
}
