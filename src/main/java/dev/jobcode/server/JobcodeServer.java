package dev.jobcode.server;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.documents.ExtractionLimits;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.StoreUnavailableException;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.json.Json;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: a Javalin app over a {@link ServedIndex}, with admission control, request logs that
 * never hold a body, Prometheus metrics, optional CORS and an optional token-protected admin endpoint.
 */
public final class JobcodeServer {
  private static final Logger LOG = LoggerFactory.getLogger(JobcodeServer.class);
  private static final Map<Integer, String> CODES = Map.of(
      400, "invalid_request", 404, "not_found", 405, "method_not_allowed", 413, "payload_too_large",
      415, "unsupported_media_type", 503, "unavailable");

  /** Where the one-line request records go: method, path, status, milliseconds; never a body. */
  @FunctionalInterface
  public interface RequestLog {
    void record(String line);

    RequestLog SLF4J = LoggerFactory.getLogger("dev.jobcode.server.requests")::info;
    RequestLog NONE = line -> {};
  }

  /** The routes that wait for an {@link Admission} slot: everything under it. */
  static final String QUEUED = "/v1";

  /** How long a drained server waits for its last answers to leave before closing connections. */
  static final Duration WRITE_GRACE = Duration.ofMillis(250);

  private final Javalin app;
  private final Admission admission;
  private final InFlightRequests inFlight;
  private final ServerSettings settings;

  private JobcodeServer(Javalin app, Admission admission, InFlightRequests inFlight, ServerSettings settings) {
    this.app = app;
    this.admission = admission;
    this.inFlight = inFlight;
    this.settings = settings;
  }

  /** Serves {@code classifier}'s index, without candidates or request logs (benchmarks, tests). */
  public static JobcodeServer create(Classifier classifier, ServerSettings settings) {
    return create(classifier, null, settings);
  }

  /** Serves {@code classifier}'s index and the CVs of {@code pool}, without request logs (tests). */
  public static JobcodeServer create(Classifier classifier, CandidateStore pool, ServerSettings settings) {
    return create(new ServedIndex(classifier, pool), settings, RequestLog.NONE);
  }

  public static JobcodeServer create(ServedIndex served, ServerSettings given, RequestLog requestLog) {
    // Without a pool there is nothing to write to: no write routes, none in the contract.
    ServerSettings settings = served.pool().isPresent() ? given : given.withWriteToken(null);
    var classify = new ClassifyController(served, settings);
    var occupations = new OccupationController(served);
    var admission = new Admission(settings.maxInFlight(), settings.queueTimeout());
    var metrics = new ServerMetrics(served, admission);
    var candidates = new CandidateController(served, metrics.candidates());
    var inFlight = new InFlightRequests();
    var page = new WebPage();
    // The calls that change the pool exist only with a write token and a pool to write to.
    TextExtractor extractor = settings.writeEnabled()
        ? new TextExtractor(new ExtractionLimits(settings.maxUploadBytes(), CvFile.MAX_TEXT,
            ExtractionLimits.DEFAULT.timeout()))
        : null;
    var writes = extractor == null ? null : new CandidateWriteController(served, served.pool().orElseThrow(),
        settings.writeToken(), extractor, settings.maxUploadBytes());
    Javalin app = Javalin.create(config -> {
      config.staticFiles.add(WebPage::assets);
      config.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      // An upload is kept in memory, never in a temporary file: a CV leaves no copy outside the pool.
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxUploadBytes()),
          SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(uploadRequestLimit(settings), SizeUnit.BYTES);
      config.http.prefer405over404 = true;
      config.http.customCompression(compression());
      config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.idleTimeout().toMillis()));
      config.jetty.modifyServer(server -> server.setHandler(inFlight));
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.requestLogger.http((ctx, ms) -> {
        requestLog.record(String.format(Locale.ROOT, "%s %s %d %.1f ms",
            ctx.method(), ctx.path(), ctx.statusCode(), ms));
        metrics.requests().record(ctx, ms);
      });
      config.events.serverStopped(metrics::close);
      if (extractor != null) {
        config.events.serverStopped(extractor::close);
      }
      if (!settings.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          if (settings.corsOrigins().contains("*")) {
            rule.anyHost();
          } else {
            List<String> origins = settings.corsOrigins();
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
          }
        }));
      }
      ApiDocs.register(config, settings);
      config.router.apiBuilder(() -> {
        get("/health", ctx -> health(ctx, served, settings));
        WebPage.PATHS.forEach(p -> get(p, page::serve));
        if (settings.metrics()) {
          get(ServerMetrics.PATH, metrics::scrape);   // like /health, never queued behind classify work
        }
        path(QUEUED, () -> {
          post("/classify", admission.guard(classify::classify));
          post("/classify/batch", admission.guard(classify::batch));
          post("/classify/file", admission.guard(classify::file));
          get("/occupations/{code}", admission.guard(occupations::get));
          get("/vocabulary", OccupationController::vocabulary);
          post("/candidates/search", admission.guard(candidates::search));
          post("/candidates/classify", admission.guard(candidates::classify));
          get("/candidates", admission.guard(candidates::list));
          get("/candidates/{id}", admission.guard(candidates::get));
          if (writes != null) {
            post("/candidates", admission.guard(writes::add));
            put("/candidates/{id}", admission.guard(writes::replace));
            delete("/candidates/{id}", admission.guard(writes::delete));
          }
        });
        if (settings.adminEnabled()) {
          var admin = new AdminController(served, settings.adminToken());
          post(AdminController.PATH, admin::swap);
        }
      });
    });
    app.before(ctx -> rejectOversizedBody(ctx, isUpload(ctx) ? uploadRequestLimit(settings) : settings.maxBodyBytes()));
    app.before(ctx -> {
      if (ctx.path().startsWith(QUEUED + "/candidates")) {
        served.poolFill().requireReady();   // never an answer from a half-built pool
      }
    });
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
    app.exception(PoolFill.Unavailable.class, (e, ctx) -> {
      ctx.header("Retry-After", String.valueOf(PoolFill.RETRY_AFTER_SECONDS));
      error(ctx, e.status(), e.code(), e.getMessage());
    });
    app.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, "invalid_request", e.getMessage()));
    app.exception(CandidateSearch.NoCandidatesException.class, (e, ctx) -> error(ctx, 404, "no_candidates", e.getMessage()));
    app.exception(CandidateSearch.UnknownCandidateException.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
    app.exception(StoreUnavailableException.class, (e, ctx) -> {
      // The candidate store (an OpenSearch cluster) did not answer after retries: try again later.
      LOG.warn("request {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", "5");
      error(ctx, 503, "store_unavailable", "the candidate store did not answer; try again in a few seconds");
    });
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
    return new JobcodeServer(app, admission, inFlight, settings);
  }

  /** Answers smaller than this go uncompressed: a single title's answer (about 2 KB) gains nothing worth the CPU. */
  static final int MIN_COMPRESSED_BYTES = 16 * 1024;

  /**
   * Gzip at its fastest level, for answers of {@link #MIN_COMPRESSED_BYTES} or more (batches, files, the
   * page's script). Javalin's default gzips everything over 1,500 bytes at level 6: on one title's answer
   * that cost both ends more than the bytes it saved on a local network.
   */
  private static CompressionStrategy compression() {
    CompressionStrategy gzip = new CompressionStrategy(null, new Gzip(1));
    gzip.setDefaultMinSizeForCompression(MIN_COMPRESSED_BYTES);
    return gzip;
  }

  /** The Javalin app, for tests that drive it in process. */
  public Javalin javalin() {
    return app;
  }

  public JobcodeServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Stops gracefully: refuses new requests (503), lets those in flight finish within the drain
   * time-out, then closes the listener.
   *
   * @return true when every request in flight finished
   */
  public boolean stop() {
    admission.refuseNew();
    try {
      if (!inFlight.awaitIdle(settings.drainTimeout())) {
        LOG.warn("stopping with {} requests still in flight after {}", inFlight.active(), settings.drainTimeout());
        return false;
      }
      // The last answers are written but may still sit in Jetty's buffers; closing the connections
      // at once could cut them off.
      Thread.sleep(WRITE_GRACE.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      app.stop();
    }
  }

  @OpenApi(path = "/health", tags = "health", operationId = "health", summary = "What is served; never queued",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.HealthResponse.class)))
  private static void health(Context ctx, ServedIndex served, ServerSettings settings) {
    OnetIndex index = served.current().index();
    IndexMeta meta = index.meta();
    ctx.json(new Api.HealthResponse("ok", Api.TaxonomyRef.of(meta), meta.model(), Api.IndexRef.of(index, served.pool()),
        served.pool().map(p -> Api.PoolRef.of(p, settings.writeEnabled(), served.poolFill())).orElse(null)));
  }

  /** A CV file upload: a multipart body, whose limit is the upload limit, not the JSON bodies'. */
  private static boolean isUpload(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && ctx.path().startsWith(QUEUED + "/candidates");
  }

  /** The file, and room for the form's other fields and part headers. */
  private static long uploadRequestLimit(ServerSettings settings) {
    return settings.maxUploadBytes() + 64 * 1024;
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
