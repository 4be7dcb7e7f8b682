package dev.jobcode.index;

import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.skills.SkillMatcher;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OccupationCodes;
import dev.jobcode.taxonomy.SocCrosswalk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** A built occupation index, opened: its metadata, its occupations and its vectors. */
public final class OnetIndex implements AutoCloseable {
  private final Path dir;
  private final IndexMeta meta;
  private final SortedMap<String, Occupation> occupations;
  private final VectorIndex vectors;
  private final CompletableFuture<SkillMatcher> skills = new CompletableFuture<>();
  private final AtomicBoolean skillsStarted = new AtomicBoolean();
  private final OccupationCodes codes;

  private OnetIndex(Path dir, IndexMeta meta, SortedMap<String, Occupation> occupations, VectorIndex vectors,
                    Optional<SocCrosswalk> crosswalk) {
    this.dir = dir;
    this.meta = meta;
    this.occupations = Collections.unmodifiableSortedMap(occupations);
    this.vectors = vectors;
    this.codes = new OccupationCodes(meta.taxonomy().name() + " " + meta.taxonomy().version(), occupations.keySet(),
        crosswalk);
  }

  /**
   * Opens the index in {@code dir}, refusing it when it was built with another model than
   * {@code expectedModel} (its vectors would not be comparable).
   */
  public static OnetIndex open(Path dir, ModelInfo expectedModel) {
    IndexMeta meta = IndexMeta.read(dir);
    if (!meta.model().sameModelAs(expectedModel)) {
      throw new IndexException("the index at " + dir + " was built with model " + meta.model().id()
          + " (sha256 " + meta.model().sha256().substring(0, 12) + "…), but the loaded model is "
          + expectedModel.id() + " (sha256 " + expectedModel.sha256().substring(0, 12)
          + "…); rebuild the index with this model or start with the model it was built with");
    }
    SortedMap<String, Occupation> occupations = readOccupations(dir);
    VectorIndex vectors = VectorIndex.open(dir.resolve(IndexBuilder.ONET_DIR));
    int expected = meta.vectors().values().stream().mapToInt(Integer::intValue).sum();
    if (vectors.size() != expected || occupations.size() != meta.occupations()) {
      vectors.close();
      throw new IndexException("the index at " + dir + " is incomplete: meta.json lists " + expected
          + " documents and " + meta.occupations() + " occupations, found " + vectors.size() + " and "
          + occupations.size() + "; rebuild it");
    }
    Optional<SocCrosswalk> crosswalk;
    try {
      crosswalk = crosswalk(dir);
    } catch (IndexException e) {
      vectors.close();
      throw e;
    }
    return new OnetIndex(dir, meta, occupations, vectors, crosswalk);
  }

  /** The index's {@code soc2010.json}; an index built without it (or before it existed) reads no 2010 codes. */
  private static Optional<SocCrosswalk> crosswalk(Path dir) {
    Path file = dir.resolve(IndexBuilder.SOC2010_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(IndexMeta.JSON.readValue(file.toFile(), SocCrosswalk.class));
    } catch (IOException | RuntimeException e) {
      throw new IndexException("cannot read " + file + " (" + e.getMessage() + "); rebuild the index", e);
    }
  }

  /** The index's {@code occupations.json}, by code. */
  static SortedMap<String, Occupation> readOccupations(Path dir) {
    SortedMap<String, Occupation> occupations = new TreeMap<>();
    Path file = dir.resolve(IndexBuilder.OCCUPATIONS_FILE);
    try {
      List<Occupation> list = IndexMeta.JSON.readValue(file.toFile(), IndexBuilder.OCCUPATION_LIST);
      list.forEach(o -> occupations.put(o.code(), o));
    } catch (IOException | RuntimeException e) {
      throw new IndexException("cannot read " + file + " (" + e.getMessage() + "); rebuild the index", e);
    }
    return occupations;
  }

  /**
   * The index's {@code skills.json}; an index built before it had one reads the O*NET folder it was
   * built from, when that is still there, and else finds no skills.
   */
  private static SkillDictionary skills(Path dir, IndexMeta meta) {
    Path file = dir.resolve(SkillDictionary.FILE_NAME);
    if (Files.isRegularFile(file)) {
      return SkillDictionary.read(file);
    }
    Path source = Path.of(meta.taxonomy().source());
    if (Files.isRegularFile(source.resolve(SkillDictionary.TECHNOLOGY_SKILLS))) {
      return SkillDictionary.load(source);
    }
    return SkillDictionary.of(List.of());
  }

  /**
   * The technology skills and tools of the index's O*NET release, to find in texts. Read when first
   * asked for (or by {@link #preloadSkills}): a 5 MB dictionary that only descriptions and texts need,
   * which would otherwise add half a second to every start. Throws {@link IndexException} when the
   * index's skills cannot be read.
   */
  public SkillMatcher skills() {
    loadSkills(Runnable::run);
    try {
      return skills.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IndexException cause ? cause : e;
    }
  }

  /** Starts reading the skills in a thread of their own, if nobody has: for a server that has started answering. */
  public void preloadSkills() {
    loadSkills(task -> Thread.ofPlatform().daemon().name("skills-load").start(task));
  }

  private void loadSkills(Executor executor) {
    if (skillsStarted.compareAndSet(false, true)) {
      executor.execute(() -> {
        try {
          skills.complete(new SkillMatcher(skills(dir, meta)));
        } catch (RuntimeException e) {
          skills.completeExceptionally(new IndexException("cannot read the skills of the index at " + dir + " ("
              + e.getMessage() + "); rebuild it", e));
        }
      });
    }
  }

  public Path dir() {
    return dir;
  }

  public IndexMeta meta() {
    return meta;
  }

  public Map<String, Occupation> occupations() {
    return occupations;
  }

  public Optional<Occupation> occupation(String code) {
    return Optional.ofNullable(occupations.get(code));
  }

  /** Reads occupation codes as users write them: O*NET-SOC, SOC 2018, and SOC 2010 when the index has the crosswalk. */
  public OccupationCodes codes() {
    return codes;
  }

  public VectorIndex vectors() {
    return vectors;
  }

  @Override
  public void close() {
    vectors.close();
  }
}
