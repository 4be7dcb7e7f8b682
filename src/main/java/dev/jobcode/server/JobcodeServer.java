package dev.jobcode.server;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.jobcode.classify.CandidateSearch;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.index.IndexMeta;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app from its dependencies; starting and stopping it is the caller's. */
public final class JobcodeServer {
  private static final Logger LOG = LoggerFactory.getLogger(JobcodeServer.class);
  private static final Map<Integer, String> CODES = Map.of(
      400, "invalid_request", 404, "not_found", 405, "method_not_allowed", 413, "payload_too_large",
      415, "unsupported_media_type", 503, "unavailable");

  private JobcodeServer() {}

  public static Javalin create(Classifier classifier, ServerSettings settings) {
    var classify = new ClassifyController(classifier, settings);
    var occupations = new OccupationController(classifier::index);
    var candidates = new CandidateController(CandidateSearch.of(classifier));
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.http.prefer405over404 = true;
      config.jsonMapper(new JavalinJackson(Api.JSON, false));
      config.router.apiBuilder(() -> {
        get("/health", ctx -> health(ctx, classifier));
        path("/v1", () -> {
          post("/classify", classify::classify);
          post("/classify/batch", classify::batch);
          get("/occupations/{code}", occupations::get);
          post("/candidates/search", candidates::search);
          post("/candidates/classify", candidates::classify);
          get("/candidates/{id}", candidates::get);
        });
      });
    });
    app.before(ctx -> rejectOversizedBody(ctx, settings.maxBodyBytes()));
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
    app.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, "invalid_request", e.getMessage()));
    app.exception(CandidateSearch.NoCandidatesException.class, (e, ctx) -> error(ctx, 404, "no_candidates", e.getMessage()));
    app.exception(CandidateSearch.UnknownCandidateException.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
        CODES.getOrDefault(e.getStatus(), "error"), message(e, ctx)));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal_error", "internal error; the server log has the details");
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
      }
    });
    app.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
    return app;
  }

  private static void health(Context ctx, Classifier classifier) {
    IndexMeta meta = classifier.index().meta();
    int documents = meta.documents().values().stream().mapToInt(Integer::intValue).sum();
    ctx.json(new Api.HealthResponse("ok", Api.TaxonomyRef.of(meta), meta.model(),
        new Api.IndexRef(classifier.index().dir().toString(), meta.occupations(), documents,
            meta.hasCandidates() ? meta.candidates().count() : null, meta.builtAt())));
  }

  /** Refuses a declared body over the limit before reading it. */
  private static void rejectOversizedBody(Context ctx, long max) {
    long length = ctx.contentLength();
    if (length > max) {
      throw new ApiException(413, "payload_too_large", "the request body is " + length
          + " bytes; the limit is " + max);
    }
  }

  private static String message(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 413 -> "the request body is over the size limit";
      case 404 -> "no route " + ctx.method() + " " + ctx.path();
      case 405 -> ctx.method() + " is not allowed on " + ctx.path();
      default -> e.getMessage();
    };
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.status(status).json(new Api.ErrorResponse(new Api.ErrorBody(code, message)));
  }
}
