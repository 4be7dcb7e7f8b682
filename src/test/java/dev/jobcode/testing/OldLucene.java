package dev.jobcode.testing;

import dev.jobcode.index.Fields;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.Label;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.skills.SkillDictionary;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.IOUtils;

/**
 * A jobcode index rewritten by an older Lucene: the same files beside the Lucene folder, and the
 * same documents (labels, text, vector) in it, written by {@code src/test/old-lucene} (a separate
 * Maven project, built on first use) in a child JVM whose classpath holds only that Lucene. Old
 * Lucene never meets jobcode's classpath.
 */
public final class OldLucene {
  /** The older Lucene releases the writer runs with: its folder of jars under the project's target/. */
  public enum Release {
    LUCENE_9_12("lucene-9"),
    LUCENE_8_11("lucene-8");

    private final String jars;

    Release(String jars) {
      this.jars = jars;
    }
  }

  private static boolean built;
  private static final Map<Release, Path> REAL = new EnumMap<>(Release.class);

  private OldLucene() {}

  /**
   * The real O*NET 30.0 index ({@link RealData#index()}) rewritten by {@code release}, in
   * {@code target/old-lucene-it/}: written once per JVM (Lucene 9.12 takes about 100 s for its HNSW
   * graphs, Lucene 8.11 a few seconds, as it has no vectors).
   */
  public static synchronized Path realIndex(Release release) {
    return REAL.computeIfAbsent(release, r -> {
      Path dir = RealData.home().resolve("target/old-lucene-it").resolve(r.jars);
      try {
        IOUtils.rm(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long t0 = System.nanoTime();
      String said = rewrite(RealData.index(), dir, r);
      System.out.printf("%s (%.1f s)%n", said, (System.nanoTime() - t0) / 1e9);
      return dir;
    });
  }

  /** jobcode's one line for {@code index}, whose Lucene folder Lucene 8 wrote. */
  public static String lucene8Refusal(Path index) {
    return "the Lucene index in " + index.resolve(IndexBuilder.ONET_DIR) + " was written by Lucene 8 or older, and this"
        + " jobcode runs Lucene 10.6.0, which reads indexes written by Lucene 9.0 to 10.6.0: rebuild it with"
        + " 'jobcode index'";
  }

  /**
   * Writes into {@code target} (which must not exist) a copy of the jobcode index in {@code source}
   * whose {@code onet/} Lucene folder {@code release} wrote; returns what the writer said.
   */
  public static String rewrite(Path source, Path target, Release release) {
    try {
      Files.createDirectories(target);
      for (String file : List.of(IndexMeta.FILE, IndexBuilder.OCCUPATIONS_FILE, SkillDictionary.FILE_NAME)) {
        if (Files.exists(source.resolve(file))) {
          Files.copy(source.resolve(file), target.resolve(file));
        }
      }
      Path dump = Files.createTempFile(target.getParent(), "documents", ".bin");
      try {
        IndexMeta meta = IndexMeta.read(source);
        try (VectorIndex index = VectorIndex.open(source.resolve(IndexBuilder.ONET_DIR))) {
          dump(index, meta.model().dimension(), dump);
        }
        return write(release, dump, target.resolve(IndexBuilder.ONET_DIR), meta);
      } finally {
        IOUtils.rm(dump);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dump {@code OldIndexWriter} reads: every document in order, with its vector field and vector. */
  private static void dump(VectorIndex index, int dimension, Path file) throws IOException {
    String[] fields = new String[index.size()];
    float[][] vectors = new float[index.size()][];
    for (String field : List.of(Fields.TITLE_VECTOR, Fields.TEXT_VECTOR)) {
      index.forEachVector(field, (doc, vector) -> {
        fields[doc] = field;
        vectors[doc] = vector.clone();
      });
    }
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(index.size());
      out.writeInt(dimension);
      for (int doc = 0; doc < index.size(); doc++) {
        List<Label> labels = index.labels(doc);
        out.writeInt(labels.size());
        for (Label label : labels) {
          out.writeUTF(label.code());
          out.writeUTF(label.kind().id());
        }
        out.writeUTF(index.text(doc));
        out.writeUTF(fields[doc] == null ? "" : fields[doc]);
        if (fields[doc] != null) {
          for (float x : vectors[doc]) {
            out.writeFloat(x);
          }
        }
      }
    }
  }

  private static String write(Release release, Path dump, Path out, IndexMeta meta) {
    Path project = project();
    build(project);
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = project.resolve("target/old-lucene-writer.jar") + ":" + project.resolve("target/" + release.jars) + "/*";
    return run(Duration.ofMinutes(10), java, "-cp", classpath, "dev.jobcode.oldlucene.OldIndexWriter",
        dump.toString(), out.toString(), "" + meta.hnsw().m(), "" + meta.hnsw().beamWidth()).strip();
  }

  private static Path project() {
    return RealData.home().resolve("src/test/old-lucene");
  }

  /** Builds the writer and fetches the old Lucene jars, once per JVM (the first time from Maven Central). */
  private static synchronized void build(Path project) {
    if (!built) {
      run(Duration.ofMinutes(10), "mvn", "-B", "-q", "-f", project.resolve("pom.xml").toString(), "package");
      built = true;
    }
  }

  /** Runs {@code command} with this JVM's Java as JAVA_HOME; its stdout, or an exception with its output. */
  private static String run(Duration timeout, String... command) {
    try {
      Path log = Files.createTempFile("old-lucene", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + output);
        }
        return output;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
