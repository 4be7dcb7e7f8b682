package dev.jobcode.server;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.TableClassifier;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
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
  static final String FILE_PATH = "/v1/classify/file";

  /** One query parameter of a route, for the contract. */
  record QueryParameter(String name, boolean required, String example, String description) {}

  /**
   * The file route's query parameters. They are added to the contract by {@link OpenApiDocument}:
   * the annotation processor 6.7.0-5 fails on {@code queryParams} here.
   */
  static final List<QueryParameter> FILE_PARAMETERS = List.of(
      new QueryParameter("name", true, "titles.csv",
          "the file's name: its ending (.csv, .tsv/.tab/.txt, .xlsx/.xlsm/.xls) tells the format"),
      new QueryParameter("title_col", false, "title", "the title column (default title)"),
      new QueryParameter("description_col", false, "description", "the description column, used when present"),
      new QueryParameter("k", false, "5", "occupations per row, 1.." + Query.MAX_K + " (default " + Query.DEFAULT_K + ")"),
      new QueryParameter("mode", false, Mode.DEFAULT_ID, "vote, similarity or centroid (default vote)"));

  private final ServedIndex served;
  private final ServerSettings settings;

  ClassifyController(ServedIndex served, ServerSettings settings) {
    this.served = served;
    this.settings = settings;
  }

  @OpenApi(path = "/v1/classify", methods = HttpMethod.POST, tags = "classify", operationId = "classify",
      summary = "The occupations of one job title, with scores and the evidence that matched",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = RequestShapes.ClassifyRequest.class,
          exampleObjects = {@OpenApiExampleProperty(name = "title", value = "Registered Nurse - ICU"),
              @OpenApiExampleProperty(name = "k", raw = "3")})),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.ClassifyResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "invalid_request: a missing, empty or over-long title, a NUL, k not in 1.." + Query.MAX_K
                  + ", an unknown mode or field.")})
  void classify(Context ctx) {
    Query query = Requests.query(JsonBodies.object(ctx));
    ctx.json(served.with(g -> Api.ClassifyResponse.of(g.classifier().classify(query), g.index().meta())));
  }

  /**
   * A whole table file as the body (CSV, TSV or a workbook, told by {@code ?name=}), classified
   * row by row exactly as {@code jobcode classify --input} does, answered as its header and rows.
   */
  @OpenApi(path = FILE_PATH, methods = HttpMethod.POST, tags = "classify", operationId = "classifyFile",
      summary = "A file of titles (CSV, TSV or Excel, as jobcode classify --input reads them), classified row by row: "
          + "its header and rows with the answer columns of jobcode classify --output",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = byte[].class, mimeType = "application/octet-stream")),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.FileResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "invalid_request: no name, a file that cannot be read (its encoding, a broken CSV quote, a ragged row, "
                  + "a missing title column: the message names the line), k or mode out of range."),
          @OpenApiResponse(status = "413", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "batch_too_large: more than " + MAX_FILE_ROWS + " rows; payload_too_large: a body over the size limit.")})
  void file(Context ctx) {
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name must give the file's name, e.g. ?name=titles.csv: its ending tells CSV, TSV or Excel");
    }
    Path file = Path.of(name.strip().replace('\\', '/')).getFileName();
    int k = Requests.intParam(ctx, "k", Query.DEFAULT_K, 1, Query.MAX_K);
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

  @OpenApi(path = "/v1/classify/batch", methods = HttpMethod.POST, tags = "classify", operationId = "classifyBatch",
      summary = "Many job titles in one call: one classify answer per item, in the same order",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = RequestShapes.BatchRequest.class,
          exampleObjects = {@OpenApiExampleProperty(name = "items", raw = "[{\"title\": \"Electrician\"}, "
              + "{\"title\": \"Data Scientist\", \"description\": \"build models from data\"}]"),
              @OpenApiExampleProperty(name = "k", raw = "3")})),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.BatchResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "invalid_request: items missing, empty or not a list, an item that is not a valid classify query (the "
                  + "message names it: items[1].title ...), k not in 1.." + Query.MAX_K
                  + ", an unknown mode or field."),
          @OpenApiResponse(status = "413", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "batch_too_large: more items than the limit.")})
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
