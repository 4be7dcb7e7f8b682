package dev.jobcode.classify;

import dev.jobcode.table.Table;
import dev.jobcode.taxonomy.OnetCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies every row of a table of titles: the one piece behind {@code jobcode classify --input}
 * and the page's batch upload, so both give the same columns. A row keeps its columns and gets
 * the answer columns ({@link #ANSWER_COLUMNS}); a table classified before gets them replaced, not
 * doubled; a row whose title is empty or invalid is kept with empty answers and reported.
 */
public final class TableClassifier {
  public static final List<String> ANSWER_COLUMNS = List.of("onet_code", "onet_title", "score", "soc_code", "major_group",
      "alternatives", "review", "it", "it_probability", "level", "family");
  /** The answer columns a workbook stores as numbers. */
  public static final Set<String> NUMERIC_COLUMNS = Set.of("score", "it_probability");
  private static final List<String> NO_ANSWER = ANSWER_COLUMNS.stream().map(c -> "").toList();
  private static final int CHUNK = 64;

  /** Receives the classified rows in table order. */
  @FunctionalInterface
  public interface RowSink {
    void accept(List<String> row) throws IOException;
  }

  /** Hears how many rows of how many are done, after each chunk. */
  @FunctionalInterface
  public interface Progress {
    void done(int rows, int total);
  }

  private final Classifier classifier;
  private final int k;
  private final Mode mode;

  public TableClassifier(Classifier classifier, int k, Mode mode) {
    this.classifier = classifier;
    this.k = k;
    this.mode = mode;
  }

  /** The output's header: the table's own columns, then the answer columns it does not have yet. */
  public static List<String> header(Table table) {
    List<String> header = new ArrayList<>(table.header());
    ANSWER_COLUMNS.stream().filter(c -> !header.contains(c)).forEach(header::add);
    return header;
  }

  /**
   * Classifies {@code table}'s rows, title from {@code titleColumn} (required) and description from
   * {@code descriptionColumn} (used when present), into {@code sink}.
   *
   * @return the lines (a workbook's rows) whose title was empty or invalid, left unclassified
   */
  public List<Long> classify(Table table, String titleColumn, String descriptionColumn, RowSink sink, Progress progress)
      throws IOException {
    int titleCol = table.column(titleColumn);
    int descriptionCol = table.optionalColumn(descriptionColumn);
    List<String> header = header(table);
    int[] answerColumns = ANSWER_COLUMNS.stream().mapToInt(header::indexOf).toArray();
    List<Long> skipped = new ArrayList<>();
    List<Table.Row> rows = table.rows();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Table.Row> chunk = rows.subList(from, Math.min(from + CHUNK, rows.size()));
      List<Query> queries = new ArrayList<>();
      List<Table.Row> valid = new ArrayList<>();
      for (Table.Row row : chunk) {
        try {
          queries.add(new Query(row.get(titleCol), descriptionCol < 0 ? null : row.get(descriptionCol), k, mode));
          valid.add(row);
        } catch (InvalidQueryException e) {
          skipped.add(row.line());
        }
      }
      List<Classification> results = classifier.classifyAll(queries);
      int next = 0;
      for (Table.Row row : chunk) {
        List<String> values = new ArrayList<>(row.values());
        while (values.size() < header.size()) {
          values.add("");
        }
        List<String> answer = next < valid.size() && valid.get(next) == row ? answer(results.get(next++)) : NO_ANSWER;
        for (int j = 0; j < answerColumns.length; j++) {
          values.set(answerColumns[j], answer.get(j));
        }
        sink.accept(values);
      }
      progress.done(from + chunk.size(), rows.size());
    }
    return skipped;
  }

  /** The answer columns of one classification; empty when nothing matched. */
  static List<String> answer(Classification c) {
    if (c.results().isEmpty()) {
      return NO_ANSWER;
    }
    OccupationMatch top = c.results().get(0);
    String code = top.occupation().code();
    JobAttributes a = c.attributes();
    return List.of(code, top.occupation().title(), String.format(Locale.ROOT, "%.4f", top.score()),
        OnetCodes.soc6(code), OnetCodes.majorGroup(code),
        c.results().stream().skip(1).map(r -> r.occupation().code()).collect(Collectors.joining("|")),
        String.valueOf(c.review()), a.it() ? "Y" : "N", String.format(Locale.ROOT, "%.4f", a.itProbability()),
        a.level().level().id(), a.family().id());
  }
}
