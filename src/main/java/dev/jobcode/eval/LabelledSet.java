package dev.jobcode.eval;

import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import dev.jobcode.taxonomy.OccupationCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled evaluation set: a TSV/CSV with a title column and a column of acceptable codes
 * (O*NET-SOC or SOC 6-digit, several separated by {@code |}; SOC 2010 codes are read as their SOC
 * 2018 codes by {@link #withCodesRead}), and optionally a description.
 *
 * @param finest the finest level every label can be scored at
 */
public record LabelledSet(Path file, List<Row> rows, Level finest) {
  /** Codes columns tried, in order, when none is named. */
  static final List<String> CODE_COLUMNS = List.of("onet_codes", "onet_code", "soc2018_codes", "soc2018_code", "codes", "code");

  /**
   * One labelled title and the line it came from. {@code codes} is empty when the set has no codes
   * column; {@code it}, {@code level} and {@code area} are the raw attribute labels, or null.
   */
  public record Row(long line, String title, String description, List<String> codes, String it, String level,
                    String area) {
    public Row(long line, String title, String description, List<String> codes) {
      this(line, title, description, codes, null, null, null);
    }
  }

  /**
   * Which columns hold what.
   *
   * @param codes null to take the first of {@link #CODE_COLUMNS} present
   * @param descriptions columns joined into the description; empty for titles only
   * @param it, level, area attribute label columns, or null
   */
  public record Columns(String title, String codes, List<String> descriptions, String it, String level, String area) {
    boolean anyAttribute() {
      return it != null || level != null || area != null;
    }
  }

  /** Reads {@code file}; a codes column is required unless an attribute column is named. */
  public static LabelledSet read(Path file, Columns columns) {
    Table table = Table.read(file);
    int title = table.column(columns.title());
    int codes = columns.codes() != null ? table.column(columns.codes()) : CODE_COLUMNS.stream()
        .mapToInt(table::optionalColumn).filter(i -> i >= 0).findFirst()
        .orElse(-1);
    if (codes < 0 && !columns.anyAttribute()) {
      throw new TableException(file + ": no codes column (looked for " + CODE_COLUMNS
          + "); name it with --codes-col");
    }
    List<Integer> descriptions = columns.descriptions().stream().map(table::column).toList();
    int it = columns.it() == null ? -1 : table.column(columns.it());
    int level = columns.level() == null ? -1 : table.column(columns.level());
    int area = columns.area() == null ? -1 : table.column(columns.area());
    List<Row> rows = new ArrayList<>();
    Level finest = Level.ONET;
    for (Table.Row r : table.rows()) {
      List<String> acceptable = new ArrayList<>();
      for (String code : codes < 0 ? new String[0] : r.get(codes).split("\\|")) {
        String c = code.strip();
        if (c.isEmpty()) {
          continue;
        }
        try {
          if (Level.finestFor(c) == Level.SOC) {
            finest = Level.SOC;
          }
        } catch (IllegalArgumentException e) {
          throw new TableException(table.at(r) + ": " + e.getMessage());
        }
        acceptable.add(c);
      }
      if (acceptable.isEmpty() && codes >= 0) {
        throw new TableException(table.at(r) + ": no acceptable code");
      }
      String description = descriptions.isEmpty() ? null
          : String.join("\n", descriptions.stream().map(r::get).toList());
      rows.add(new Row(r.line(), r.get(title), description, List.copyOf(acceptable),
          it < 0 ? null : r.get(it).strip(), level < 0 ? null : r.get(level).strip(), area < 0 ? null : r.get(area).strip()));
    }
    return new LabelledSet(file, List.copyOf(rows), finest);
  }

  /**
   * The set with its acceptable codes read by {@code codes}: a SOC 2010 code becomes its SOC 2018
   * codes, any of which counts (scored at SOC level and above, as no crosswalk gives O*NET detail).
   */
  public LabelledSet withCodesRead(OccupationCodes codes) {
    List<Row> read = new ArrayList<>(rows.size());
    Level level = finest;
    for (Row r : rows) {
      List<String> acceptable = r.codes().stream().flatMap(c -> codes.acceptable(c).stream()).distinct().toList();
      if (acceptable.stream().anyMatch(c -> Level.finestFor(c) == Level.SOC)) {
        level = Level.SOC;
      }
      read.add(new Row(r.line(), r.title(), r.description(), acceptable, r.it(), r.level(), r.area()));
    }
    return new LabelledSet(file, List.copyOf(read), level);
  }

  /** How many rows' codes differ from {@code other}'s (the same set before {@link #withCodesRead}). */
  public long rowsChangedFrom(LabelledSet other) {
    long changed = 0;
    for (int i = 0; i < rows.size() && i < other.rows().size(); i++) {
      changed += rows.get(i).codes().equals(other.rows().get(i).codes()) ? 0 : 1;
    }
    return changed;
  }

  /** True when the set has acceptable codes to score occupations against. */
  public boolean hasCodes() {
    return !rows.isEmpty() && !rows.get(0).codes().isEmpty();
  }

  /** The levels this set can be scored at, finest first. */
  public List<Level> levels() {
    return finest == Level.ONET ? List.of(Level.ONET, Level.SOC, Level.MAJOR) : List.of(Level.SOC, Level.MAJOR);
  }

  public LabelledSet limit(int n) {
    return new LabelledSet(file, rows.subList(0, Math.min(n, rows.size())), finest);
  }
}
