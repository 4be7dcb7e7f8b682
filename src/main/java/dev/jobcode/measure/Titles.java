package dev.jobcode.measure;

import dev.jobcode.classify.Query;
import dev.jobcode.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The titles a bench or load queries with: read from a table file's first column. */
public final class Titles {
  private Titles() {}

  /** Distinct titles from the first column of {@code file}, in file order, at most {@code limit}. */
  public static List<String> read(Path file, int limit) {
    List<String> list = new ArrayList<>(new LinkedHashSet<>(readAll(file, Integer.MAX_VALUE)));
    return list.subList(0, Math.min(list.size(), limit));
  }

  /** Titles from the first column of {@code file}, in file order with their repeats, at most {@code limit}. */
  public static List<String> readAll(Path file, int limit) {
    List<String> titles = new ArrayList<>();
    for (Table.Row row : Table.read(file).rows()) {
      String t = row.values().get(0).strip();
      if (!t.isEmpty() && t.length() <= Query.MAX_TITLE_CHARS && titles.size() < limit) {
        titles.add(t);
      }
    }
    return titles;
  }
}
