package dev.jobcode.taxonomy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Loads an O*NET text database folder. Occupation Data, Alternate Titles and Task Statements are
 * required; Sample of Reported Titles and Job Zones are used when present.
 */
public final class OnetLoader {
  public static final String OCCUPATION_DATA = "Occupation Data.txt";
  public static final String ALTERNATE_TITLES = "Alternate Titles.txt";
  public static final String TASK_STATEMENTS = "Task Statements.txt";
  public static final String REPORTED_TITLES = "Sample of Reported Titles.txt";
  public static final String JOB_ZONES = "Job Zones.txt";
  public static final String RELATED_OCCUPATIONS = "Related Occupations.txt";

  private static final String CODE = "O*NET-SOC Code";
  private static final String RELATED_CODE = "Related O*NET-SOC Code";

  private OnetLoader() {}

  /** Loads {@code dir}; {@code statedVersion} is the operator's --onet-version, if given. */
  public static Taxonomy load(Path dir, Optional<String> statedVersion) {
    if (!Files.isDirectory(dir)) {
      throw new TaxonomyException("O*NET folder not found: " + dir
          + " (point --onet at an unpacked O*NET text database, e.g. db_30_0_text)");
    }
    for (String required : List.of(OCCUPATION_DATA, ALTERNATE_TITLES, TASK_STATEMENTS)) {
      if (!Files.isRegularFile(dir.resolve(required))) {
        throw new TaxonomyException("missing required file '" + required + "' in " + dir);
      }
    }
    String version = OnetVersion.resolve(dir, statedVersion);

    var occupations = new TreeMap<String, Occupation>();
    TsvFile.read(dir.resolve(OCCUPATION_DATA), List.of(CODE, "Title", "Description"), row -> {
      String code = code(row);
      String title = row.get("Title");
      if (title.isEmpty()) {
        throw row.error("empty Title");
      }
      if (occupations.put(code, new Occupation(code, title, row.get("Description"), 0)) != null) {
        throw row.error("occupation " + code + " listed twice");
      }
    });
    if (occupations.isEmpty()) {
      throw new TaxonomyException(OCCUPATION_DATA + " has no occupations (" + dir + ")");
    }

    Path zones = dir.resolve(JOB_ZONES);
    if (Files.isRegularFile(zones)) {
      TsvFile.read(zones, List.of(CODE, "Job Zone"), row -> {
        String code = code(row);
        Occupation occupation = occupations.get(code);
        if (occupation != null) {
          occupations.put(code, occupation.withJobZone(jobZone(row)));
        }
      });
    }

    Path related = dir.resolve(RELATED_OCCUPATIONS);
    if (Files.isRegularFile(related)) {
      readRelated(related, occupations);
    }

    var texts = new Texts(occupations.keySet());
    occupations.values().forEach(o -> {
      texts.add(o.code(), TextKind.TITLE, o.title());
      texts.add(o.code(), TextKind.DESCRIPTION, o.description());
    });
    readTexts(dir.resolve(ALTERNATE_TITLES), "Alternate Title", TextKind.ALTERNATE_TITLE, texts);
    Path reported = dir.resolve(REPORTED_TITLES);
    if (Files.isRegularFile(reported)) {
      readTexts(reported, "Reported Job Title", TextKind.REPORTED_TITLE, texts);
    }
    readTexts(dir.resolve(TASK_STATEMENTS), "Task", TextKind.TASK, texts);
    return new Taxonomy(Taxonomy.ONET_SOC, version, occupations, texts.sorted());
  }

  /** O*NET's related occupations, in the file's order (most related first); codes it does not list are left out. */
  private static void readRelated(Path file, SortedMap<String, Occupation> occupations) {
    Map<String, List<String>> byCode = new HashMap<>();
    TsvFile.read(file, List.of(CODE, RELATED_CODE), row -> {
      String to = row.get(RELATED_CODE);
      if (!OnetCodes.isValid(to)) {
        throw row.error("malformed related O*NET-SOC code '" + to + "'");
      }
      String from = code(row);
      if (occupations.containsKey(from) && occupations.containsKey(to) && !from.equals(to)) {
        byCode.computeIfAbsent(from, c -> new ArrayList<>()).add(to);
      }
    });
    byCode.forEach((code, list) -> occupations.put(code, occupations.get(code).withRelated(list)));
  }

  private static void readTexts(Path file, String column, TextKind kind, Texts texts) {
    TsvFile.read(file, List.of(CODE, column), row -> texts.add(code(row), kind, row.get(column)));
  }

  private static String code(TsvFile.Row row) {
    String code = row.get(CODE);
    if (!OnetCodes.isValid(code)) {
      throw row.error("malformed O*NET-SOC code '" + code + "' (expected e.g. 15-1252.00)");
    }
    return code;
  }

  private static int jobZone(TsvFile.Row row) {
    String value = row.get("Job Zone");
    try {
      int zone = Integer.parseInt(value);
      if (zone >= 1 && zone <= 5) {
        return zone;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw row.error("Job Zone must be 1 to 5, found '" + value + "'");
  }

  /**
   * Collects texts, dropping empty ones, ones for codes Occupation Data does not list, and
   * repeats: a title-like text said twice for one occupation (an alternate title equal to the
   * title, a reported title equal to an alternate title) is kept once.
   */
  private static final class Texts {
    private final Set<String> codes;
    private final List<OccupationText> list = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Texts(Set<String> codes) {
      this.codes = codes;
    }

    void add(String code, TextKind kind, String text) {
      String clean = text.strip().replaceAll("\\s+", " ");
      if (clean.isEmpty() || !codes.contains(code)) {
        return;
      }
      String group = kind.titleLike() ? "title" : kind.id();
      if (seen.add(code + '\u0000' + group + '\u0000' + clean.toLowerCase(Locale.ROOT))) {
        list.add(new OccupationText(code, kind, clean));
      }
    }

    List<OccupationText> sorted() {
      var result = new ArrayList<>(list);
      // Stable sort: file order is kept within a code and kind.
      result.sort(Comparator.comparing(OccupationText::code).thenComparing(OccupationText::kind));
      return result;
    }
  }
}
