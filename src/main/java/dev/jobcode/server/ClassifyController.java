package dev.jobcode.server;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Query;
import dev.jobcode.index.IndexMeta;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/classify} and {@code POST /v1/classify/batch}: parse, classify, render. */
final class ClassifyController {
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
