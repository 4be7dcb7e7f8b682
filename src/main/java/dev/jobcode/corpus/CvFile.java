package dev.jobcode.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import dev.jobcode.table.TemporaryFiles;
import dev.jobcode.table.TextFile;
import dev.jobcode.taxonomy.JobLevel;
import dev.jobcode.taxonomy.OccupationCodeException;
import dev.jobcode.taxonomy.OccupationCodes;
import dev.jobcode.taxonomy.OnetCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes files of CVs: JSONL (one {@link Cv} object a line; the generator's format) or
 * a table (CSV, TSV or an Excel workbook, read by {@link Table}: a header row with at least {@code id} and {@code text}; optional {@code name},
 * {@code headline}, {@code onet_code}, {@code major_group}, {@code level}, {@code years},
 * {@code it}). Strict: every problem names the file and line.
 */
public final class CvFile {
  /** The longest CV text accepted, in characters. */
  public static final int MAX_TEXT = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern MAJOR_GROUP = Pattern.compile("\\d\\d");
  private static final Set<String> LEVELS = Set.copyOf(Arrays.stream(JobLevel.values()).map(JobLevel::id).toList());

  private CvFile() {}

  /** Reads a .jsonl file, or a .csv/.tsv file, of CVs; codes are checked for their shape only. */
  public static List<Cv> read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a .jsonl file, or a .csv/.tsv file, of CVs, each {@code onet_code} read by {@code codes}
   * ({@link OccupationCodes#forLabel}: a SOC 2010 code becomes its SOC 2018 occupation); null
   * checks codes for their shape only, leaving them to whoever reads them against a taxonomy.
   */
  public static List<Cv> read(Path file, OccupationCodes codes) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<Cv> cvs = name.endsWith(".jsonl") || name.endsWith(".json") ? readJsonLines(file, codes)
        : readTable(file, codes);
    if (cvs.isEmpty()) {
      throw new CorpusException(file + " holds no CVs");
    }
    return cvs;
  }

  /** Writes CVs as JSONL, atomically: a failed write leaves no half-written file. */
  public static void write(Path file, List<Cv> cvs) {
    try {
      TemporaryFiles.replace(file, tmp -> {
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (Cv cv : cvs) {
            out.write(JSON.writeValueAsString(cv));
            out.write('\n');
          }
        }
      });
    } catch (IOException e) {
      throw new CorpusException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** One CV as a JSON line (without the newline). */
  public static String toJson(Cv cv) {
    try {
      return JSON.writeValueAsString(cv);
    } catch (JsonProcessingException e) {
      throw new CorpusException("cannot serialise CV " + cv.id() + ": " + e.getMessage(), e);
    }
  }

  /** Parses one CV from JSON (as stored in the candidate index). */
  public static Cv fromJson(String json) {
    try {
      return JSON.readValue(json, Cv.class);
    } catch (JsonProcessingException e) {
      throw new CorpusException("not a CV: " + e.getOriginalMessage(), e);
    }
  }

  private static List<Cv> readJsonLines(Path file, OccupationCodes codes) {
    String text;
    try {
      text = TextFile.read(file).text();
    } catch (TableException e) {
      throw new CorpusException(e.getMessage(), e);
    }
    List<Cv> cvs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int line = 0;
    for (String json : (Iterable<String>) text.lines()::iterator) {
      line++;
      if (json.isBlank()) {
        continue;
      }
      String where = file + " line " + line;
      Cv cv;
      try {
        cv = JSON.readValue(json, Cv.class);
      } catch (JsonProcessingException e) {
        throw error(where, "not a CV object: " + e.getOriginalMessage());
      }
      cvs.add(checked(cv, where, ids, codes));
    }
    return cvs;
  }

  private static List<Cv> readTable(Path file, OccupationCodes codes) {
    Table table;
    int id;
    int text;
    try {
      table = Table.read(file);
      id = table.column("id");
      text = table.column("text");
    } catch (TableException e) {
      throw new CorpusException(e.getMessage(), e);
    }
    int name = table.optionalColumn("name");
    int headline = table.optionalColumn("headline");
    int code = table.optionalColumn("onet_code");
    int major = table.optionalColumn("major_group");
    int level = table.optionalColumn("level");
    int years = table.optionalColumn("years");
    int it = table.optionalColumn("it");
    List<Cv> cvs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Table.Row row : table.rows()) {
      String where = table.at(row);
      Cv cv = new Cv(row.get(id), optional(row, name), optional(row, headline), optional(row, code), null,
          optional(row, major), optional(row, level), years(optional(row, years), where), bool(optional(row, it), where),
          null, null, null, row.get(text));
      cvs.add(checked(cv, where, ids, codes));
    }
    return cvs;
  }

  private static String optional(Table.Row row, int column) {
    if (column < 0) {
      return null;
    }
    String value = row.get(column).strip();
    return value.isEmpty() ? null : value;
  }

  private static Integer years(String value, String where) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw error(where, "years must be a whole number, found '" + value + "'");
    }
  }

  private static Boolean bool(String value, String where) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "y", "yes", "1" -> true;
      case "false", "n", "no", "0" -> false;
      default -> throw error(where, "it must be true/false or Y/N, found '" + value + "'");
    };
  }

  /**
   * Checks one CV's fields as a file's line is checked ({@code where} locates it in the message);
   * an id may be absent (the pool gives it one). Fills the major group from the code when only the
   * code is given.
   */
  public static Cv check(Cv cv, String where) {
    return check(cv, where, null);
  }

  /** As above, its {@code onet_code} read by {@code codes} as {@link #read(Path, OccupationCodes)} reads it. */
  public static Cv check(Cv cv, String where, OccupationCodes codes) {
    if (cv.id() == null) {
      Cv named = checked(new Cv("-", cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(),
          cv.level(), cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text()), where, new HashSet<>(),
          codes);
      return new Cv(null, named.name(), named.headline(), named.onetCode(), named.onetTitle(), named.majorGroup(),
          named.level(), named.years(), named.it(), named.summary(), named.skills(), named.experience(), named.text());
    }
    return checked(cv, where, new HashSet<>(), codes);
  }

  /**
   * Checks one CV's fields; reads its code by {@code codes} (when given); fills the major group from
   * the code when only the code is given, and from the mapped code when a code was mapped.
   */
  private static Cv checked(Cv cv, String where, Set<String> ids, OccupationCodes codes) {
    if (cv.id() == null || cv.id().isBlank()) {
      throw error(where, "id is required");
    }
    if (cv.id().length() > 200) {
      throw error(where, "id is longer than 200 characters");
    }
    if (!ids.add(cv.id())) {
      throw error(where, "id '" + cv.id() + "' appears twice");
    }
    if (cv.text() == null || cv.text().isBlank()) {
      throw error(where, "text is required (the CV text that is embedded)");
    }
    if (cv.text().length() > MAX_TEXT) {
      throw error(where, "text is " + cv.text().length() + " characters; the limit is " + MAX_TEXT);
    }
    if (cv.onetCode() != null && !OccupationCodes.wellFormed(cv.onetCode())) {
      throw error(where, "onet_code '" + cv.onetCode() + "' is not an O*NET-SOC code (e.g. 29-1141.00) or a SOC "
          + "code (e.g. 29-1141, SOC 2018 or 2010)");
    }
    if (cv.majorGroup() != null && !MAJOR_GROUP.matcher(cv.majorGroup()).matches()) {
      throw error(where, "major_group must be two digits (e.g. 29), found '" + cv.majorGroup() + "'");
    }
    if (cv.onetCode() != null && cv.majorGroup() != null && !cv.majorGroup().equals(OnetCodes.majorGroup(cv.onetCode()))) {
      throw error(where, "major_group " + cv.majorGroup() + " does not match onet_code " + cv.onetCode());
    }
    if (cv.level() != null && !LEVELS.contains(cv.level())) {
      throw error(where, "unknown level '" + cv.level() + "'; use one of " + LEVELS.stream().sorted().toList());
    }
    if (cv.years() != null && (cv.years() < 0 || cv.years() > 70)) {
      throw error(where, "years must be 0..70, found " + cv.years());
    }
    if (codes != null && cv.onetCode() != null) {
      String read;
      try {
        read = codes.forLabel(cv.onetCode()).codes().get(0);
      } catch (OccupationCodeException e) {
        throw error(where, "onet_code: " + e.getMessage());
      }
      if (!read.equals(cv.onetCode())) {
        return new Cv(cv.id(), cv.name(), cv.headline(), read, cv.onetTitle(), OnetCodes.majorGroup(read),
            cv.level(), cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text());
      }
    }
    if (cv.majorGroup() == null && cv.onetCode() != null) {
      return new Cv(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), OnetCodes.majorGroup(cv.onetCode()),
          cv.level(), cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text());
    }
    return cv;
  }

  private static CorpusException error(String where, String message) {
    return new CorpusException(where + ": " + message);
  }
}
