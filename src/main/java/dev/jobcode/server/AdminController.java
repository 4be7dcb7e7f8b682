package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.IndexedTaxonomy;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.taxonomy.TaxonomyDiff;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code POST /admin/index}: serve another index without a restart. Only registered when a token
 * is configured; every call must carry it as {@code Authorization: Bearer TOKEN}.
 */
final class AdminController {
  static final String PATH = "/admin/index";
  private static final Set<String> SWAP_FIELDS = RequestShapes.fields(RequestShapes.SwapRequest.class);

  private final ServedIndex served;
  private final BearerToken token;

  AdminController(ServedIndex served, String token) {
    this.served = served;
    this.token = new BearerToken(token, "admin");
  }

  @OpenApi(path = PATH, methods = HttpMethod.POST, tags = "admin", operationId = "swapIndex",
      summary = "Serve another index without a restart (only when the server has an admin token)",
      description = "The new index is opened and checked first; the old one serves until it passes, and requests "
          + "that started earlier finish on it. The answer says what changed from the taxonomy served before to the "
          + "new one (changes): occupations added, removed, retitled and redescribed, alternate titles and tasks "
          + "added and removed per occupation, counts by major group.",
      security = @OpenApiSecurity(name = ApiDocs.BEARER),
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = RequestShapes.SwapRequest.class,
          exampleObjects = @OpenApiExampleProperty(name = "path", value = "index/onet-31"))),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.SwapResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "invalid_request: path missing, blank or not a path, or an unknown field."),
          @OpenApiResponse(status = "401", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "unauthorized: no 'Authorization: Bearer TOKEN' with the admin token.",
              headers = @OpenApiParam(name = "WWW-Authenticate", example = "Bearer")),
          @OpenApiResponse(status = "422", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "index_refused: the index is missing, incomplete, corrupt, written by Lucene 8 or older, or built "
                  + "with another model than the one that runs (and encoded the candidate pool); the old one keeps "
                  + "serving.")})
  void swap(Context ctx) {
    token.require(ctx);
    Path dir = swapPath(JsonBodies.object(ctx));
    OnetIndex before = served.current().index();
    try {
      ctx.json(served.swap(dir, (old, next) -> {
        OnetIndex now = next.index();
        return new Api.SwapResponse(Api.TaxonomyRef.of(now.meta()), Api.IndexRef.of(now, served.pool()),
            Api.TaxonomyRef.of(old.index().meta()), old.index().dir().toString(),
            TaxonomyDiff.between(IndexedTaxonomy.of(old.index()), IndexedTaxonomy.of(now)));
      }));
    } catch (IndexException e) {
      throw new ApiException(422, "index_refused", e.getMessage() + "; still serving "
          + before.meta().taxonomy().version() + " from " + before.dir());
    }
  }

  /** {@code {"path": DIR}}: the folder of the index to serve, absolute. */
  static Path swapPath(JsonNode body) {
    Requests.knownFields(body, SWAP_FIELDS, "");
    String given = Requests.optionalText(body, "path", "");
    if (given == null || given.isBlank()) {
      throw ApiException.badRequest("path is required: the folder of the index to serve");
    }
    try {
      return Path.of(given.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw ApiException.badRequest("path is not a valid path: " + e.getMessage());
    }
  }
}
