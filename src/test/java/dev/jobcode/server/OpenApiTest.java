package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.GatedEncoder;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /openapi.json} against the server that serves it, and {@code /docs}. */
class OpenApiTest {
  private static final String TOKEN = "a-test-token-of-some-length";
  private static final String WRITE_TOKEN = "a-write-token-of-some-length";
  private static final ServerSettings WITH_ADMIN = Fixtures.smallLimits().withAdminToken(TOKEN);
  private static final ServerSettings WITH_WRITES = Fixtures.smallLimits().withWriteToken(WRITE_TOKEN);
  private static final Set<String> PUBLIC_ROUTES = Set.of("POST /v1/classify", "POST /v1/classify/batch",
      "GET /v1/occupations/{code}", "POST /v1/candidates/search", "POST /v1/candidates/classify",
      "GET /v1/candidates/{id}", "GET /v1/candidates", "GET /health");
  private static final Set<String> WRITE_ROUTES = Set.of("POST /v1/candidates", "PUT /v1/candidates/{id}",
      "DELETE /v1/candidates/{id}");

  @TempDir
  Path tmp;

  private static Javalin app(ServerSettings settings) {
    return JobcodeServer.create(Fixtures.classifier(), Fixtures.pool(), settings).javalin();
  }

  record Answer(int status, String contentType, String raw) {
    JsonNode json() throws IOException {
      return Json.MAPPER.readTree(raw);
    }
  }

  private static Answer send(HttpClient client, String method, String path, String json) throws IOException {
    RequestBody body = json == null ? null
        : RequestBody.create(json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"));
    try (Response r = client.request(path, b -> b.method(method, body).header("Authorization", "Bearer " + TOKEN))) {
      return new Answer(r.code(), r.header("Content-Type"), r.body().string());
    }
  }

  private static JsonNode document(HttpClient client) throws IOException {
    Answer a = send(client, "GET", ApiDocs.DOCUMENT_PATH, null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    return a.json();
  }

  /** "POST /v1/classify" for each operation of the document. */
  private static Set<String> operations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document.get("paths").properties().forEach(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  /** The routes the app has registered, except the contract's own, the static assets of /docs and the page's views. */
  private static Set<String> registeredRoutes(Javalin app) {
    List<Endpoint> endpoints = app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .map(ParsedEndpoint::getEndpoint).filter(e -> e.getMethod().isHttpMethod()).toList();
    assertThat(endpoints).extracting(Endpoint::getPath).contains(ApiDocs.DOCUMENT_PATH, ApiDocs.UI_PATH);
    return endpoints.stream()
        .filter(e -> !e.getPath().equals(ApiDocs.DOCUMENT_PATH) && !e.getPath().equals(ApiDocs.UI_PATH)
            && !e.getPath().startsWith("/webjars/") && !WebPage.PATHS.contains(e.getPath()))
        .map(e -> e.getMethod().name() + " " + e.getPath()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndNothingElse() {
    for (ServerSettings settings : List.of(Fixtures.smallLimits(), WITH_ADMIN, WITH_WRITES)) {
      Javalin app = app(settings);
      Set<String> routes = registeredRoutes(app);
      assertThat(routes).containsAll(PUBLIC_ROUTES);
      assertThat(routes.contains("POST " + AdminController.PATH)).isEqualTo(settings.adminEnabled());
      assertThat(routes.containsAll(WRITE_ROUTES)).isEqualTo(settings.writeEnabled());
      assertThat(routes.stream().anyMatch(WRITE_ROUTES::contains)).isEqualTo(settings.writeEnabled());
      JavalinTest.test(app, (server, client) -> {
        JsonNode document = document(client);
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(operations(document)).as("admin %s", settings.adminEnabled()).isEqualTo(routes);
      });
    }
  }

  @Test
  void theDocumentIsValidOpenApi3() {
    for (ServerSettings settings : List.of(Fixtures.smallLimits(), WITH_ADMIN, WITH_WRITES)) {
      JavalinTest.test(app(settings), (server, client) -> {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document(client).toString(), null,
            new ParseOptions());
        assertThat(parsed.getMessages()).as("admin %s", settings.adminEnabled()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/v1/classify");
      });
    }
  }

  @Test
  void theAdminRouteNamesItsBearerAuth() {
    JavalinTest.test(app(WITH_ADMIN), (server, client) -> {
      JsonNode document = document(client);
      JsonNode swap = document.at("/paths/~1admin~1index/post");
      assertThat(swap.at("/security/0").has(ApiDocs.BEARER)).as(swap.toString()).isTrue();
      assertThat(document.at("/components/securitySchemes/" + ApiDocs.BEARER + "/type").asText()).isEqualTo("http");
      assertThat(document.at("/components/securitySchemes/" + ApiDocs.BEARER + "/scheme").asText()).isEqualTo("bearer");
      assertThat(swap.get("responses").has("401")).isTrue();
    });
  }

  @Test
  void theWriteCallsNameTheirBearerAuthAndTheirAnswers() {
    JavalinTest.test(app(WITH_WRITES), (server, client) -> {
      JsonNode paths = document(client).get("paths");
      JsonNode add = paths.at("/~1v1~1candidates/post");
      assertThat(add.at("/security/0").has(ApiDocs.BEARER)).as(add.toString()).isTrue();
      assertThat(add.at("/requestBody/content").has("multipart/form-data")).isTrue();
      assertThat(add.at("/requestBody/content").has("application/json")).isTrue();
      assertStatuses(add, "201", "400", "401", "408", "409", "413", "415", "500", "503");
      assertStatuses(paths.at("/~1v1~1candidates~1{id}/put"), "200", "400", "401", "404", "408", "409", "413", "415",
          "500", "503");
      assertStatuses(paths.at("/~1v1~1candidates~1{id}/delete"), "200", "401", "404", "500", "503");
      assertThat(add.at("/responses/400/description").asText()).contains("unreadable_file");
    });
  }

  @Test
  void everyStatusOfTheErrorTableIsDocumentedWhereItApplies() {
    JavalinTest.test(app(WITH_ADMIN), (server, client) -> {
      JsonNode paths = document(client).get("paths");
      assertStatuses(paths.at("/~1v1~1classify/post"), "200", "400", "408", "413", "415", "500", "503");
      assertStatuses(paths.at("/~1v1~1classify~1batch/post"), "200", "400", "408", "413", "415", "500", "503");
      assertStatuses(paths.at("/~1v1~1occupations~1{code}/get"), "200", "300", "400", "404", "500", "503");
      assertThat(paths.at("/~1v1~1occupations~1{code}/get/responses/300/content/application~1json/schema/$ref")
          .asText()).isEqualTo("#/components/schemas/OccupationChoices");   // a code that means several
      for (String candidates : new String[] {"/~1v1~1candidates~1search/post", "/~1v1~1candidates~1classify/post"}) {
        assertStatuses(paths.at(candidates), "200", "400", "404", "408", "413", "415", "500", "503");
      }
      assertStatuses(paths.at("/~1v1~1candidates~1{id}/get"), "200", "404", "500", "503");
      assertStatuses(paths.at("/~1health/get"), "200", "500");
      assertStatuses(paths.at("/~1admin~1index/post"), "200", "400", "401", "408", "413", "415", "422", "500");
      JsonNode classify = paths.at("/~1v1~1classify/post/responses");
      assertThat(classify.at("/400/description").asText()).contains("invalid_json", "invalid_request");
      assertThat(classify.at("/503/headers").has("Retry-After")).isTrue();
      assertThat(paths.at("/~1v1~1classify~1batch/post/responses/413/description").asText())
          .contains("payload_too_large", "batch_too_large");
      assertThat(paths.at("/~1v1~1candidates~1search/post/responses/404/description").asText())
          .contains("not_found", "no_candidates");
    });
  }

  private static void assertStatuses(JsonNode operation, String... statuses) {
    assertThat(operation.isObject()).isTrue();
    List<String> documented = new ArrayList<>();
    operation.get("responses").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).as(operation.path("operationId").asText()).containsExactly(statuses);
    operation.get("responses").properties().stream().filter(r -> r.getKey().compareTo("400") >= 0).forEach(r ->
        assertThat(r.getValue().at("/content/application~1json/schema/$ref").asText()).as(r.getKey())
            .isEqualTo("#/components/schemas/ErrorResponse"));
  }

  @Test
  void everyRequestExampleGetsAStatusTheDocumentListsAndItsAnswerMatchesTheSchema() {
    JavalinTest.test(app(WITH_ADMIN), (server, client) -> {
      JsonNode document = document(client);
      List<String> sent = new ArrayList<>();
      for (var path : document.get("paths").properties()) {
        for (var operation : path.getValue().properties()) {
          JsonNode media = operation.getValue().at("/requestBody/content/application~1json");
          if (media.isMissingNode()) {
            continue;
          }
          assertThat(media.has("example")).as(path.getKey() + " has a request example").isTrue();
          Schemas.assertMatches(document, media.get("schema"), media.get("example"), path.getKey() + " example");
          Answer a = send(client, operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
              media.get("example").toString());
          JsonNode responses = operation.getValue().get("responses");
          assertThat(responses.has(String.valueOf(a.status()))).as(path.getKey() + " " + a.raw()).isTrue();
          if (path.getKey().startsWith(JobcodeServer.QUEUED)) {
            assertThat(a.status()).as(path.getKey() + " " + a.raw()).isEqualTo(200);
          }
          Schemas.assertMatches(document, responses.at("/" + a.status() + "/content/application~1json/schema"),
              a.json(), path.getKey());
          sent.add(path.getKey());
        }
      }
      assertThat(sent).containsExactlyInAnyOrder("/v1/classify", "/v1/classify/batch", "/v1/candidates/search",
          "/v1/candidates/classify", AdminController.PATH);
    });
  }

  @Test
  void pathParameterExamplesAndHealthAnswerAsTheirSchemasSay() {
    JavalinTest.test(app(Fixtures.smallLimits()), (server, client) -> {
      JsonNode document = document(client);
      int checked = 0;
      for (var path : document.get("paths").properties()) {
        JsonNode get = path.getValue().get("get");
        if (get == null || !get.at("/responses/200/content").has("application/json")) {
          continue;   // /metrics answers Prometheus text; MetricsTest reads it
        }
        String url = path.getKey();
        for (JsonNode parameter : get.get("parameters")) {
          url = url.replace("{" + parameter.get("name").asText() + "}", parameter.at("/schema/example").asText());
        }
        Answer a = send(client, "GET", url, null);
        assertThat(a.status()).as(url + " " + a.raw()).isEqualTo(200);
        Schemas.assertMatches(document, get.at("/responses/200/content/application~1json/schema"), a.json(), url);
        checked++;
      }
      assertThat(checked).as("health, an occupation, a candidate, the candidates, the vocabulary").isEqualTo(5);
    });
  }

  @Test
  void propertiesAreNamedAsTheWireNamesThem() {
    JavalinTest.test(app(Fixtures.smallLimits()), (server, client) -> {
      JsonNode schemas = document(client).at("/components/schemas");
      assertThat(schemas.at("/ResultView/properties").has("soc_code")).isTrue();
      assertThat(schemas.at("/ResultView/properties").has("major_group")).isTrue();
      assertThat(schemas.at("/IndexRef/properties").has("built_at")).isTrue();
      assertThat(schemas.at("/OccupationResponse/properties").has("sample_titles")).isTrue();
      assertThat(schemas.at("/CandidateFilters/properties").has("min_years")).isTrue();
      assertThat(schemas.at("/ModelInfo/properties").has("same_model_as")).as("a method, not a property").isFalse();
      schemas.properties().forEach(s -> s.getValue().path("properties").fieldNames().forEachRemaining(name ->
          assertThat(name).as(s.getKey()).matches("[a-z0-9_]+")));
      assertThat(schemas.at("/ClassifyRequest/properties/mode/enum")).extracting(JsonNode::asText)
          .containsExactly("similarity", "vote", "centroid");
      assertThat(schemas.at("/ClassifyRequest/properties/title/maxLength").isInt()).isTrue();
      assertThat(schemas.at("/BatchRequest/properties/items/maxItems").asInt())
          .isEqualTo(Fixtures.smallLimits().maxBatchItems());

      // a classify answer, serialised by the API's mapper, declares nothing the schema lacks
      Answer a = send(client, "POST", "/v1/classify", "{\"title\": \"ICU Nurse\", \"description\": \"patient care\"}");
      Set<String> keys = new TreeSet<>();
      a.json().at("/results/0").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).contains("soc_code", "major_group");
      Set<String> declared = new TreeSet<>();
      schemas.at("/ResultView/properties").fieldNames().forEachRemaining(declared::add);
      assertThat(declared).containsAll(keys);
    });
  }

  @Test
  void anErrorAnswerMatchesTheErrorSchema() {
    JavalinTest.test(app(Fixtures.smallLimits()), (server, client) -> {
      JsonNode document = document(client);
      Answer a = send(client, "POST", "/v1/classify", "{\"titel\": \"Nurse\"}");
      assertThat(a.status()).isEqualTo(400);
      JsonNode schema = document.at("/paths/~1v1~1classify/post/responses/400/content/application~1json/schema");
      Schemas.assertMatches(document, schema, a.json(), "error");
    });
  }

  @Test
  void docsIsSwaggerUiFromLocalAssetsOnly() {
    JavalinTest.test(app(Fixtures.smallLimits()), (server, client) -> {
      Answer page = send(client, "GET", ApiDocs.UI_PATH, null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.contentType()).startsWith("text/html");
      assertThat(page.raw()).contains("SwaggerUIBundle").doesNotContain("http://").doesNotContain("https://")
          .contains("validatorUrl: null");
      List<String> assets = attributes(page.raw(), "(?:src|href)");
      assertThat(assets).hasSizeGreaterThanOrEqualTo(3).allMatch(u -> u.startsWith("/") && !u.startsWith("//"));
      for (String asset : assets) {
        Answer a = send(client, "GET", asset, null);
        assertThat(a.status()).as(asset).isEqualTo(200);
        if (asset.endsWith(".css")) {
          assertThat(a.raw()).as(asset).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//").doesNotContain("@import");
        }
      }
      List<String> documents = attributes(page.raw(), "url");
      assertThat(documents).hasSize(1);
      assertThat(documents.get(0)).startsWith(ApiDocs.DOCUMENT_PATH);
      assertThat(send(client, "GET", documents.get(0), null).json().get("paths").has("/v1/classify")).isTrue();
    });
  }

  /** The values of {@code name="..."} (HTML) or {@code name: '...'} (the page's script). */
  private static List<String> attributes(String html, String name) {
    Matcher m = Pattern.compile("\\b" + name + "\\s*[=:]\\s*['\"]([^'\"]+)['\"]").matcher(html);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  @Test
  void theContractAndItsPageAreNeverQueuedBehindClassifyWork() throws Exception {
    GatedEncoder encoder = new GatedEncoder();
    var classifier = Fixtures.classifierAt(tmp.resolve("gated"), "99.1", encoder);
    Javalin app = JobcodeServer.create(classifier, Fixtures.smallLimits().withAdmission(1, Duration.ofMillis(200)))
        .javalin();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      JavalinTest.test(app, (server, client) -> {
        Future<Answer> slow = pool.submit(() -> send(client, "POST", "/v1/classify", "{\"title\": \"slow nurse\"}"));
        encoder.awaitSlowRequest();
        assertThat(send(client, "POST", "/v1/classify", "{\"title\": \"Nurse\"}").status()).as("the slot is taken")
            .isEqualTo(503);
        assertThat(send(client, "GET", ApiDocs.DOCUMENT_PATH, null).status()).isEqualTo(200);
        assertThat(send(client, "GET", ApiDocs.UI_PATH, null).status()).isEqualTo(200);
        encoder.open();
        assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      });
    } finally {
      pool.shutdownNow();
      classifier.index().close();
    }
  }
}
