package dev.jobcode.server;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Query;
import dev.jobcode.index.IndexMeta;
import io.javalin.http.Context;
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

  void classify(Context ctx) {
    Query query = Requests.query(JsonBodies.object(ctx));
    ctx.json(served.with(g -> Api.ClassifyResponse.of(g.classifier().classify(query), g.index().meta())));
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
