package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTest {
  private static final Classifier classifier = Fixtures.classifier();

  private static Javalin app() {
    return JobcodeServer.create(classifier, Fixtures.smallLimits()).javalin();
  }

  /** What came back: status and parsed JSON body. */
  record Answer(int status, JsonNode json, String raw) {}

  private static Answer call(HttpClient client, String method, String path, String contentType, byte[] body)
      throws IOException {
    try (Response r = client.request(path, b -> b.method(method, body == null ? null
        : RequestBody.create(body, contentType == null ? null : MediaType.get(contentType))))) {
      String raw = r.body().string();
      return new Answer(r.code(), Json.MAPPER.readTree(raw), raw);
    }
  }

  private static Answer post(HttpClient client, String path, String json) throws IOException {
    return call(client, "POST", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void assertError(Answer a, int status, String code, String messagePart) {
    assertThat(a.status()).as(a.raw()).isEqualTo(status);
    assertThat(a.json().path("error").path("code").asText()).as(a.raw()).isEqualTo(code);
    assertThat(a.json().path("error").path("message").asText()).as(a.raw()).contains(messagePart);
    assertThat(a.raw()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void classifyAnswersWithTaxonomyModelResultsAndEvidence() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = post(client, "/v1/classify", "{\"title\": \"ICU Nurse\", \"k\": 2}");
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.json().at("/taxonomy/name").asText()).isEqualTo("O*NET-SOC");
      assertThat(a.json().at("/taxonomy/version").asText()).isEqualTo("99.1");
      assertThat(a.json().at("/model/id").asText()).isEqualTo("fake-bow");
      assertThat(a.json().at("/query/mode").asText()).isEqualTo("vote");
      assertThat(a.json().get("review").isBoolean()).isTrue();
      assertThat(a.json().at("/it/label").asText()).isEqualTo("non-it");
      assertThat(a.json().at("/it/probability").asDouble()).isBetween(0.0, 0.5);
      assertThat(a.json().at("/level/label").asText()).isEqualTo("specialist");
      assertThat(a.json().at("/area/major_group").asText()).isEqualTo("29");
      assertThat(a.json().at("/area/family").asText()).isEqualTo("healthcare");
      assertThat(a.json().get("results")).hasSize(2);
      JsonNode top = a.json().at("/results/0");
      assertThat(top.get("code").asText()).isEqualTo("29-1141.00");
      assertThat(top.get("title").asText()).isEqualTo("Registered Nurses");
      assertThat(top.get("soc_code").asText()).isEqualTo("29-1141");
      assertThat(top.get("major_group").asText()).isEqualTo("29");
      assertThat(top.at("/evidence/0/kind").asText()).isEqualTo("alternate_title");
      assertThat(top.at("/evidence/0/text").asText()).isEqualTo("ICU Nurse");
      assertThat(top.at("/evidence/0/score").asDouble()).isGreaterThan(0.99);
    });
  }

  @Test
  void everyModeAndADescriptionAreAccepted() {
    JavalinTest.test(app(), (server, client) -> {
      for (String mode : new String[] {"similarity", "vote", "centroid"}) {
        Answer a = post(client, "/v1/classify",
            "{\"title\": \"Electrician\", \"description\": \"install wiring\", \"mode\": \"" + mode + "\"}");
        assertThat(a.status()).as(mode).isEqualTo(200);
        assertThat(a.json().at("/results/0/code").asText()).as(mode).isEqualTo("47-2111.00");
        assertThat(a.json().at("/query/description").asText()).isEqualTo("install wiring");
      }
    });
  }

  @Test
  void oddButValidTitlesGetAnAnswer() {
    JavalinTest.test(app(), (server, client) -> {
      for (String title : new String[] {"Registered\\tNurse\\n", "Ingénieur logiciel 🚀", "看护师", "x".repeat(400)}) {
        Answer a = post(client, "/v1/classify", "{\"title\": \"" + title + "\"}");
        assertThat(a.status()).as(title).isEqualTo(200);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "not json|{title: nurse}|invalid_json|not valid JSON",
      "empty body|``|invalid_json|empty",
      "array|[1, 2]|invalid_json|must be a JSON object",
      "missing title|{\"k\": 3}|invalid_request|title is required",
      "null title|{\"title\": null}|invalid_request|title is required",
      "blank title|{\"title\": \" \\t\\n \"}|invalid_request|title must not be empty",
      "numeric title|{\"title\": 42}|invalid_request|title must be a string",
      "title with NUL|{\"title\": \"a\\u0000b\"}|invalid_request|NUL",
      "title too long|{\"title\": \"" + "TOO_LONG" + "\"}|invalid_request|longer than 500",
      "k as string|{\"title\": \"Nurse\", \"k\": \"5\"}|invalid_request|k must be an integer",
      "k fractional|{\"title\": \"Nurse\", \"k\": 2.5}|invalid_request|k must be an integer",
      "k zero|{\"title\": \"Nurse\", \"k\": 0}|invalid_request|k must be between 1 and 50",
      "k too big|{\"title\": \"Nurse\", \"k\": 51}|invalid_request|k must be between 1 and 50",
      "k huge|{\"title\": \"Nurse\", \"k\": 99999999999}|invalid_request|k must be an integer",
      "unknown mode|{\"title\": \"Nurse\", \"mode\": \"fast\"}|invalid_request|unknown mode 'fast'",
      "mode not string|{\"title\": \"Nurse\", \"mode\": 1}|invalid_request|mode must be a string",
      "unknown field|{\"title\": \"Nurse\", \"titel\": \"x\"}|invalid_request|unknown field 'titel'",
      "duplicate field|{\"title\": \"Nurse\", \"title\": \"x\"}|invalid_json|Duplicate field",
      "description not string|{\"title\": \"Nurse\", \"description\": []}|invalid_request|description must be a string",
  })
  void badClassifyRequestsAreClear400s(String name, String body, String code, String message) {
    String json = body.replace("TOO_LONG", "x".repeat(501));
    JavalinTest.test(app(), (server, client) -> assertError(post(client, "/v1/classify", json), 400, code, message));
  }

  @Test
  void invalidUtf8IsA400() {
    JavalinTest.test(app(), (server, client) -> assertError(call(client, "POST", "/v1/classify", "application/json",
        new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}),
        400, "invalid_json", "not valid JSON"));
  }

  @Test
  void wrongContentTypeIs415AndOversizedBodyIs413() {
    JavalinTest.test(app(), (server, client) -> {
      assertError(call(client, "POST", "/v1/classify", "text/plain", "{\"title\": \"Nurse\"}".getBytes()),
          415, "unsupported_media_type", "application/json");
      String big = "{\"title\": \"Nurse\", \"description\": \"" + "x".repeat(70 * 1024) + "\"}";
      assertError(post(client, "/v1/classify", big), 413, "payload_too_large", "limit");
    });
  }

  @Test
  void batchAnswersEachItemInOrder() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = post(client, "/v1/classify/batch",
          "{\"items\": [{\"title\": \"Electrician\"}, {\"title\": \"ICU Nurse\", \"description\": \"patient care\"}], \"k\": 1}");
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().at("/taxonomy/version").asText()).isEqualTo("99.1");
      assertThat(a.json().get("results")).hasSize(2);
      assertThat(a.json().at("/results/0/results/0/code").asText()).isEqualTo("47-2111.00");
      assertThat(a.json().at("/results/1/results/0/code").asText()).isEqualTo("29-1141.00");
      assertThat(a.json().at("/results/1/results")).hasSize(1);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no items|{}|400|invalid_request|items is required",
      "items not a list|{\"items\": {}}|400|invalid_request|items must be a list",
      "empty items|{\"items\": []}|400|invalid_request|must not be empty",
      "item not object|{\"items\": [\"Nurse\"]}|400|invalid_request|items[0] must be an object",
      "item without title|{\"items\": [{\"title\": \"a\"}, {\"description\": \"b\"}]}|400|invalid_request|items[1].title is required",
      "item unknown field|{\"items\": [{\"title\": \"a\", \"k\": 3}]}|400|invalid_request|unknown field 'items[0].k'",
      "too many items|{\"items\": [{\"title\": \"a\"}, {\"title\": \"b\"}, {\"title\": \"c\"}, {\"title\": \"d\"}, {\"title\": \"e\"}]}|413|batch_too_large|at most 4 items",
      "bad k|{\"items\": [{\"title\": \"a\"}], \"k\": -1}|400|invalid_request|k must be between",
  })
  void badBatchesAreClearErrors(String name, String body, int status, String code, String message) {
    JavalinTest.test(app(), (server, client) -> assertError(post(client, "/v1/classify/batch", body), status, code, message));
  }

  @Test
  void occupationsAreLookedUpByCode() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "GET", "/v1/occupations/29-1141.00", null, null);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.json().get("title").asText()).isEqualTo("Registered Nurses");
      assertThat(a.json().get("job_zone").asInt()).isEqualTo(3);
      assertThat(a.json().at("/major_group/title").asText()).isEqualTo("Healthcare Practitioners and Technical Occupations");
      assertThat(a.json().get("sample_titles").toString()).contains("ICU Nurse", "Charge Nurse");
      assertThat(a.json().at("/taxonomy/version").asText()).isEqualTo("99.1");
      assertThat(call(client, "GET", "/v1/occupations/43-4041.00", null, null).json().has("job_zone")).isFalse();
      assertError(call(client, "GET", "/v1/occupations/11-1011.00", null, null), 404, "not_found", "no occupation 11-1011.00");
      assertError(call(client, "GET", "/v1/occupations/nurse", null, null), 400, "invalid_request", "not an O*NET-SOC code");
    });
  }

  @Test
  void healthNamesTaxonomyModelAndIndex() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "GET", "/health", null, null);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.json().get("status").asText()).isEqualTo("ok");
      assertThat(a.json().at("/taxonomy/version").asText()).isEqualTo("99.1");
      assertThat(a.json().at("/model/id").asText()).isEqualTo("fake-bow");
      assertThat(a.json().at("/model/sha256").asText()).hasSize(64);
      assertThat(a.json().at("/index/occupations").asInt()).isEqualTo(5);
    });
  }

  @Test
  void unknownRoutesAndMethodsAreJsonErrors() {
    JavalinTest.test(app(), (server, client) -> {
      assertError(call(client, "GET", "/v2/classify", null, null), 404, "not_found", "/v2/classify");
      assertError(call(client, "GET", "/v1/classify", null, null), 405, "method_not_allowed", "GET");
      assertError(call(client, "DELETE", "/health", null, null), 405, "method_not_allowed", "DELETE");
    });
  }
}
