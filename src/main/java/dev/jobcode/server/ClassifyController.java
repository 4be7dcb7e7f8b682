package dev.jobcode.server;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.TableClassifier;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /v1/classify}, {@code POST /v1/classify/batch} and {@code POST /v1/classify/file}:
 * parse, classify, render.
 */
final class ClassifyController {
  /** The most rows an uploaded file may have; larger files are for {@code jobcode classify --input}. */
  static final int MAX_FILE_ROWS = 5_000;

  private final ServedIndex served;
  private final ServerSettings settings;

  ClassifyController(ServedIndex served, ServerSettings settings) {
    this.served = served;
    this.settings = settings;
  }

  void classify(Context ctx) {
    Query query = Requests.query(JsonBodies.object(ctx));
    ctx.json(served.with(g -> Api.ClassifyResponse.of(g.classifier().classify(query), g.index().meta())));
  }

  /**
   * A whole table file as the body (CSV, TSV or a workbook, told by {@code ?name=}), classified
   * row by row exactly as {@code jobcode classify --input} does, answered as its header and rows.
   */
  void file(Context ctx) {
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name must give the file's name, e.g. ?name=titles.csv: its ending tells CSV, TSV or Excel");
    }
    Path file = Path.of(name.strip().replace('\\', '/')).getFileName();
    int k = intParam(ctx, "k", Query.DEFAULT_K, 1, Query.MAX_K);
    Mode mode = Mode.fromId(Objects.requireNonNullElse(ctx.queryParam("mode"), Mode.DEFAULT_ID))
        .orElseThrow(() -> ApiException.badRequest("mode must be one of " + Mode.ids()));
    String titleColumn = Objects.requireNonNullElse(ctx.queryParam("title_col"), "title");
    String descriptionColumn = Objects.requireNonNullElse(ctx.queryParam("description_col"), "description");
    Table table;
    try {
      table = Table.parse(file, JsonBodies.bytes(ctx));
      table.column(titleColumn);
    } catch (TableException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (table.rows().size() > MAX_FILE_ROWS) {
      throw new ApiException(413, "batch_too_large", file + " has " + table.rows().size() + " rows; at most "
          + MAX_FILE_ROWS + " are classified here: use 'jobcode classify --input' for larger files");
    }
    ctx.json(served.with(g -> {
      List<List<String>> rows = new ArrayList<>(table.rows().size());
      List<Long> skipped;
      try {
        skipped = new TableClassifier(g.classifier(), k, mode).classify(table, titleColumn, descriptionColumn, rows::add,
            (done, total) -> {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);   // the sink is a list: it never throws
      }
      IndexMeta meta = g.index().meta();
      return new Api.FileResponse(Api.TaxonomyRef.of(meta), Api.ModelRef.of(meta), file.toString(),
          TableClassifier.header(table), rows, skipped);
    }));
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badRequest(name + " must be a whole number " + min + ".." + max + ", got '" + value + "'");
  }

  void batch(Context ctx) {
    List<Query> queries = Requests.batch(JsonBodies.object(ctx), settings.maxBatchItems());
    ctx.json(served.with(g -> {
      IndexMeta meta = g.index().meta();
      List<Api.ClassifyResponse> results = new ArrayList<>(queries.size());
      for (Classification c : g.classifier().classifyAll(queries)) {
        results.add(Api.ClassifyResponse.of(c, meta));
      }
      return new Api.BatchResponse(Api.TaxonomyRef.of(meta), Api.ModelRef.of(meta), results);
    }));
  }
}
