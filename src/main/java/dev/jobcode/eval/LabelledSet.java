package dev.jobcode.eval;

import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled evaluation set: a TSV/CSV with a title column and a column of acceptable codes
 * (O*NET-SOC or SOC 6-digit, several separated by {@code |}), and optionally a description.
 *
 * @param finest the finest level every label can be scored at
 */
public record LabelledSet(Path file, List<Row> rows, Level finest) {
  /** Codes columns tried, in order, when none is named. */
  static final List<String> CODE_COLUMNS = List.of("onet_codes", "onet_code", "soc2018_codes", "soc2018_code", "codes", "code");

  /** One labelled title and the line it came from. */
  public record Row(long line, String title, String description, List<String> codes) {}

  /**
   * Reads {@code file}.
   *
   * @param codesColumn null to take the first of {@link #CODE_COLUMNS} present
   * @param descriptionColumn null for titles only
   */
  public static LabelledSet read(Path file, String titleColumn, String codesColumn, String descriptionColumn) {
    Table table = Table.read(file);
    int title = table.column(titleColumn);
    int codes = codesColumn != null ? table.column(codesColumn) : CODE_COLUMNS.stream()
        .mapToInt(table::optionalColumn).filter(i -> i >= 0).findFirst()
        .orElseThrow(() -> new TableException(file + " line 1: no codes column (looked for " + CODE_COLUMNS
            + "); name it with --codes-col"));
    int description = descriptionColumn == null ? -1 : table.column(descriptionColumn);
    List<Row> rows = new ArrayList<>();
    Level finest = Level.ONET;
    for (Table.Row r : table.rows()) {
      List<String> acceptable = new ArrayList<>();
      for (String code : r.get(codes).split("\\|")) {
        String c = code.strip();
        if (c.isEmpty()) {
          continue;
        }
        try {
          if (Level.finestFor(c) == Level.SOC) {
            finest = Level.SOC;
          }
        } catch (IllegalArgumentException e) {
          throw new TableException(file + " line " + r.line() + ": " + e.getMessage());
        }
        acceptable.add(c);
      }
      if (acceptable.isEmpty()) {
        throw new TableException(file + " line " + r.line() + ": no acceptable code");
      }
      rows.add(new Row(r.line(), r.get(title), description < 0 ? null : r.get(description), List.copyOf(acceptable)));
    }
    return new LabelledSet(file, List.copyOf(rows), finest);
  }

  /** The levels this set can be scored at, finest first. */
  public List<Level> levels() {
    return finest == Level.ONET ? List.of(Level.ONET, Level.SOC, Level.MAJOR) : List.of(Level.SOC, Level.MAJOR);
  }

  public LabelledSet limit(int n) {
    return new LabelledSet(file, rows.subList(0, Math.min(n, rows.size())), finest);
  }
}
