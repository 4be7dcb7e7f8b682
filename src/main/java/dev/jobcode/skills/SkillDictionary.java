package dev.jobcode.skills;

import dev.jobcode.json.Json;
import dev.jobcode.table.TemporaryFiles;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.TaxonomyException;
import dev.jobcode.taxonomy.TsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The technology skills and tools O*NET names, once each, and the ways a text may write them. Built
 * from an O*NET database folder ({@link #load}) or by hand ({@link #of}), and kept beside an index as
 * {@value #FILE_NAME} ({@link #write}, {@link #read}) so that the index carries the dictionary it was
 * built with. Immutable.
 */
public final class SkillDictionary {
  public static final String TECHNOLOGY_SKILLS = "Technology Skills.txt";
  public static final String TOOLS_USED = "Tools Used.txt";
  public static final String TASK_STATEMENTS = "Task Statements.txt";
  public static final String OCCUPATION_DATA = "Occupation Data.txt";
  /** The name of the dictionary's file in an index folder. */
  public static final String FILE_NAME = "skills.json";
  private static final int FORMAT = 1;
  private static final String CODE = "O*NET-SOC Code";
  private static final String EXAMPLE = "Example";
  private static final String COMMODITY_CODE = "Commodity Code";
  private static final String COMMODITY_TITLE = "Commodity Title";
  private static final String HOT = "Hot Technology";

  private final List<Skill> skills;
  private final Set<String> ordinaryWords;
  private final SkillNames names;

  private SkillDictionary(Collection<Skill> skills, Collection<String> ordinaryWords) {
    List<Skill> sorted = new ArrayList<>(skills);
    sorted.sort(Comparator.comparing(Skill::kind).thenComparing(Skill::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).kind() == sorted.get(i - 1).kind() && sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("skill named twice: " + sorted.get(i).name());
      }
    }
    this.skills = List.copyOf(sorted);
    this.ordinaryWords = Set.copyOf(new TreeSet<>(ordinaryWords));
    this.names = new SkillNames(this.skills, this.ordinaryWords);
  }

  /** A dictionary of these skills, whose ordinary words are only the hand-made list's. */
  public static SkillDictionary of(Collection<Skill> skills) {
    return of(skills, Set.of());
  }

  /**
   * A dictionary of these skills; {@code ordinaryWords} are lowercase words of ordinary text, which
   * a skill named by one of them needs a software context to be found ("go", "spark").
   */
  public static SkillDictionary of(Collection<Skill> skills, Collection<String> ordinaryWords) {
    return new SkillDictionary(skills, ordinaryWords);
  }

  /**
   * Reads {@value #TECHNOLOGY_SKILLS} and, when present, {@value #TOOLS_USED} from an O*NET text
   * database folder: one skill per example name, its hot flag set if any occupation's row says Y, its
   * commodity the one most of its rows give. The ordinary words are the skill names' words that
   * O*NET's task statements and occupation descriptions (when present) write in lowercase, twice or
   * more.
   *
   * @throws TaxonomyException naming the file and line, when a file cannot be read
   */
  public static SkillDictionary load(Path onetDir) {
    Path technology = onetDir.resolve(TECHNOLOGY_SKILLS);
    if (!Files.isRegularFile(technology)) {
      throw new TaxonomyException("missing " + TECHNOLOGY_SKILLS + " in " + onetDir + " (an O*NET text database folder)");
    }
    Map<String, Rows> rows = new LinkedHashMap<>();
    TsvFile.read(technology, List.of(CODE, EXAMPLE, COMMODITY_CODE, COMMODITY_TITLE, HOT),
        row -> add(rows, Skill.Kind.TECHNOLOGY, row, hot(row)));
    Path tools = onetDir.resolve(TOOLS_USED);
    if (Files.isRegularFile(tools)) {
      TsvFile.read(tools, List.of(CODE, EXAMPLE, COMMODITY_CODE, COMMODITY_TITLE),
          row -> add(rows, Skill.Kind.TOOL, row, false));
    }
    List<Skill> skills = rows.values().stream().map(Rows::skill).toList();
    return new SkillDictionary(skills, ordinaryWords(onetDir, skills));
  }

  /** Writes the dictionary as JSON, atomically: a failed write leaves no half-written file. */
  public void write(Path jsonFile) {
    try {
      TemporaryFiles.replace(jsonFile, tmp -> Json.write(tmp,
          new Stored(FORMAT, skills, List.copyOf(new TreeSet<>(ordinaryWords)))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jsonFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a dictionary {@link #write} wrote.
   *
   * @throws TaxonomyException naming the file, when it is missing, not such JSON or of another format
   */
  public static SkillDictionary read(Path jsonFile) {
    Stored stored;
    try {
      stored = Json.MAPPER.readValue(jsonFile.toFile(), Stored.class);
    } catch (IOException e) {
      throw new TaxonomyException("cannot read the skills dictionary " + jsonFile + ": " + e.getMessage(), e);
    }
    if (stored == null || stored.format() != FORMAT || stored.skills() == null) {
      throw new TaxonomyException(jsonFile + " is not a skills dictionary of format " + FORMAT
          + " (rebuild it from the O*NET folder)");
    }
    try {
      return new SkillDictionary(stored.skills(), stored.ordinaryWords() == null ? List.of() : stored.ordinaryWords());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TaxonomyException("cannot read the skills dictionary " + jsonFile + ": " + e.getMessage(), e);
    }
  }

  /** The number of skills (technologies and tools). */
  public int size() {
    return skills.size();
  }

  /** Every skill, technologies then tools, each by name. */
  public List<Skill> skills() {
    return skills;
  }

  /**
   * The skill a person means by a term typed in a filter ("python", "Excel", "NodeJS", "power bi",
   * "c#", "forklift"): any case, any of the ways {@link SkillMatcher} finds a name. Context does not
   * matter here, so "go" is Go.
   */
  public Optional<Skill> resolve(String userTerm) {
    Objects.requireNonNull(userTerm, "userTerm");
    List<Tokens.Token> tokens = Tokens.of(userTerm);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = tokens.stream().map(Tokens.Token::key).toList();
    SkillNames.Variant v = names.byKey(String.join(" ", keys));
    if (v == null) {
      v = names.bySquash(Tokens.squash(keys));
    }
    return Optional.ofNullable(v).map(SkillNames.Variant::skill);
  }

  SkillNames names() {
    return names;
  }

  /** The JSON file: {"format": 1, "skills": [...], "ordinary_words": [...]}. */
  record Stored(int format, List<Skill> skills, List<String> ordinaryWords) {}

  /** The rows of one example name, across occupations. */
  private static final class Rows {
    final String name;
    final Skill.Kind kind;
    final Map<String, Integer> commodities = new HashMap<>();
    final Map<String, String> titles = new HashMap<>();
    boolean hot;

    Rows(String name, Skill.Kind kind) {
      this.name = name;
      this.kind = kind;
    }

    Skill skill() {
      String code = commodities.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .orElseThrow().getKey();
      return new Skill(name, code, titles.get(code), hot, kind);
    }
  }

  private static void add(Map<String, Rows> rows, Skill.Kind kind, TsvFile.Row row, boolean hot) {
    String code = row.get(CODE);
    if (!OnetCodes.isValid(code)) {
      throw row.error("malformed O*NET-SOC code '" + code + "' (expected e.g. 15-1252.00)");
    }
    String name = row.get(EXAMPLE);
    String commodity = row.get(COMMODITY_CODE);
    if (name.isEmpty() || commodity.isEmpty()) {
      throw row.error("empty " + (name.isEmpty() ? EXAMPLE : COMMODITY_CODE));
    }
    Rows r = rows.computeIfAbsent(kind + "\t" + name, k -> new Rows(name, kind));
    r.commodities.merge(commodity, 1, Integer::sum);
    r.titles.putIfAbsent(commodity, row.get(COMMODITY_TITLE));
    r.hot |= hot;
  }

  private static boolean hot(TsvFile.Row row) {
    String value = row.get(HOT);
    if (!value.equals("Y") && !value.equals("N")) {
      throw row.error(HOT + " is '" + value + "', expected Y or N");
    }
    return value.equals("Y");
  }

  /**
   * The words of skill names that O*NET's own sentences write in lowercase more than once: "access",
   * "spark", "go". Once may be a rare old usage: "Format typescript and graphic elements".
   */
  private static Set<String> ordinaryWords(Path onetDir, List<Skill> skills) {
    Set<String> wanted = new HashSet<>();
    for (Skill skill : skills) {
      for (Tokens.Token t : Tokens.of(skill.name())) {
        wanted.add(t.key());
        wanted.add(t.key() + "s");
        wanted.add(SkillNames.singular(t.key()));
      }
    }
    Map<String, Integer> found = new HashMap<>();
    for (String[] source : new String[][] {{TASK_STATEMENTS, "Task"}, {OCCUPATION_DATA, "Description"}}) {
      Path file = onetDir.resolve(source[0]);
      if (Files.isRegularFile(file)) {
        TsvFile.read(file, List.of(source[1]), row -> {
          for (Tokens.Token t : Tokens.of(row.get(source[1]))) {
            if (t.form().equals(t.key()) && wanted.contains(t.key())) {
              found.merge(t.key(), 1, Integer::sum);
            }
          }
        });
      }
    }
    found.values().removeIf(count -> count < 2);
    return found.keySet();
  }
}
