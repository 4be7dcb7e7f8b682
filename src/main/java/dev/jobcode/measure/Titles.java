package dev.jobcode.measure;

import dev.jobcode.classify.Query;
import dev.jobcode.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The titles a bench or load queries with: read from a table file's first column. */
public final class Titles {
  private Titles() {}

  /** Distinct titles from the first column of {@code file}, in file order, at most {@code limit}. */
  public static List<String> read(Path file, int limit) {
    Table table = Table.read(file);
    Set<String> unique = new LinkedHashSet<>();
    for (Table.Row row : table.rows()) {
      String t = row.values().get(0).strip();
      if (!t.isEmpty() && t.length() <= Query.MAX_TITLE_CHARS) {
        unique.add(t);
      }
    }
    List<String> list = new ArrayList<>(unique);
    return list.subList(0, Math.min(list.size(), limit));
  }
}
