package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.StoreUnavailableException;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The candidate endpoints over the fixture CVs (fake encoder). */
class CandidateServerTest {
  private static final String NURSE = "ICU nurse: monitor patient vital signs and record patient care";

  private static Javalin app() {
    return JobcodeServer.create(Fixtures.classifier(), Fixtures.pool(), Fixtures.smallLimits()).javalin();
  }

  record Answer(int status, JsonNode json, String raw) {}

  private static Answer call(HttpClient client, String method, String path, String json) throws IOException {
    RequestBody body = json == null ? null
        : RequestBody.create(json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"));
    try (Response r = client.request(path, b -> b.method(method, body))) {
      String raw = r.body().string();
      return new Answer(r.code(), Json.MAPPER.readTree(raw), raw);
    }
  }

  @Test
  void searchReturnsCandidatesWithLabelsScoresAndSnippets() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "POST", "/v1/candidates/search", "{\"text\": \"" + NURSE + "\", \"k\": 3}");
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().get("results")).hasSize(3);
      JsonNode top = a.json().at("/results/0");
      for (String field : new String[] {"id", "name", "headline", "score", "onet_code", "major_group", "level", "years",
          "it", "snippet"}) {
        assertThat(top.has(field)).as(field + " in " + top).isTrue();
      }
      assertThat(top.get("onet_code").asText()).isEqualTo("29-1141.00");
      assertThat(top.get("it").asBoolean()).isFalse();
    });
  }

  @Test
  void filtersAndSearchByIdWork() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "POST", "/v1/candidates/search", "{\"text\": \"" + NURSE + "\", \"k\": 5, "
          + "\"filters\": {\"major_group\": \"47\", \"min_years\": 3, \"it\": false}}");
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().get("results")).hasSize(5).allSatisfy(r -> {
        assertThat(r.get("major_group").asText()).isEqualTo("47");
        assertThat(r.get("years").asInt()).isGreaterThanOrEqualTo(3);
      });
      Answer byId = call(client, "POST", "/v1/candidates/search", "{\"id\": \"cv-00001\", \"k\": 4}");
      assertThat(byId.json().get("results")).hasSize(4).noneMatch(r -> r.get("id").asText().equals("cv-00001"));
    });
  }

  @Test
  void classifyVotesAndNamesTheNeighbours() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "POST", "/v1/candidates/classify", "{\"text\": \"" + NURSE + "\"}");
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().at("/results/0/code").asText()).isEqualTo("29-1141.00");
      assertThat(a.json().at("/results/0/title").asText()).isEqualTo("Registered Nurses");
      assertThat(a.json().at("/results/0/share").asDouble()).isGreaterThan(0.5);
      assertThat(a.json().at("/major_groups/0/major_group").asText()).isEqualTo("29");
      assertThat(a.json().at("/it/label").asText()).isEqualTo("non-it");
      assertThat(a.json().get("neighbours")).hasSize(15);
    });
  }

  @Test
  void oneCvById() {
    JavalinTest.test(app(), (server, client) -> {
      Answer a = call(client, "GET", "/v1/candidates/cv-00002", null);
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().get("id").asText()).isEqualTo("cv-00002");
      assertThat(a.json().get("text").asText()).isNotBlank();
      assertThat(a.json().get("experience")).isNotEmpty();
      Answer missing = call(client, "GET", "/v1/candidates/nobody", null);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
    });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{}|400|either text",
      "{\"text\": \"a\", \"id\": \"b\"}|400|not both",
      "{\"text\": \"   \"}|400|text must not be empty",
      "{\"text\": 5}|400|text must be a string",
      "{\"text\": \"a\", \"k\": 0}|400|k must be between 1 and 100",
      "{\"text\": \"a\", \"k\": 101}|400|k must be between 1 and 100",
      "{\"text\": \"a\", \"k\": \"3\"}|400|k must be an integer",
      "{\"text\": \"a\", \"colour\": 1}|400|unknown field 'colour'",
      "{\"text\": \"a\", \"filters\": []}|400|filters must be an object",
      "{\"text\": \"a\", \"filters\": {\"salary\": 1}}|400|unknown field 'filters.salary'",
      "{\"text\": \"a\", \"filters\": {\"onet_code\": \"29-114\"}}|400|filters.onet_code",
      "{\"text\": \"a\", \"filters\": {\"onet_code\": \"11-1011.00\"}}|400|no occupation 11-1011.00 in O*NET-SOC 99.1",
      "{\"text\": \"a\", \"filters\": {\"onet_code\": \"29-9999\"}}|400|29-9999 is not a SOC 2018 or SOC 2010 code",
      "{\"text\": \"a\", \"filters\": {\"major_group\": \"2\"}}|400|filters.major_group",
      "{\"text\": \"a\", \"filters\": {\"level\": \"boss\"}}|400|filters.level",
      "{\"text\": \"a\", \"filters\": {\"min_years\": -1}}|400|filters.min_years",
      "{\"text\": \"a\", \"filters\": {\"min_years\": 2.5}}|400|filters.min_years",
      "{\"text\": \"a\", \"filters\": {\"it\": \"yes\"}}|400|filters.it",
      "{\"id\": \"nobody\"}|404|no candidate with id 'nobody'",
      "[1]|400|JSON object",
      "{\"text\": |400|not valid JSON",
  })
  void badRequestsAreClear4xx(String body, int status, String message) {
    JavalinTest.test(app(), (server, client) -> {
      for (String path : new String[] {"/v1/candidates/search", "/v1/candidates/classify"}) {
        Answer a = call(client, "POST", path, body);
        assertThat(a.status()).as(path + " " + a.raw()).isEqualTo(status);
        assertThat(a.json().at("/error/message").asText()).as(a.raw()).contains(message);
        assertThat(a.raw()).doesNotContain("Exception");
      }
    });
  }

  @Test
  void anIndexWithoutCvsSaysSo() {
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), ServerSettings.DEFAULT).javalin(), (server, client) -> {
      Answer a = call(client, "POST", "/v1/candidates/search", "{\"text\": \"nurse\"}");
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.json().at("/error/code").asText()).isEqualTo("no_candidates");
      Answer health = call(client, "GET", "/health", null);
      assertThat(health.json().at("/index/candidates").isMissingNode()).isTrue();
    });
  }

  @Test
  void healthCountsTheCandidates() {
    JavalinTest.test(app(), (server, client) -> {
      Answer health = call(client, "GET", "/health", null);
      assertThat(health.json().at("/index/candidates").asInt()).isEqualTo(Fixtures.FIXTURE_CVS);
    });
  }

  @Test
  void aStoreThatDoesNotAnswerIsA503WithRetryAfterNeverA500() {
    CandidateStore pool = Fixtures.pool();
    CandidateStore down = (CandidateStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CandidateStore.class}, (proxy, method, args) -> switch (method.getName()) {
          case "search", "get", "vector", "list" -> throw new StoreUnavailableException(
              "OpenSearch at http://10.0.0.9:9200/pool did not answer", new java.io.IOException("refused"));
          default -> method.invoke(pool, args);
        });
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), down, Fixtures.smallLimits()).javalin(),
        (server, client) -> {
          try (Response r = client.request("/v1/candidates/search", b -> b.post(RequestBody.create(
              "{\"text\": \"" + NURSE + "\"}", MediaType.get("application/json"))))) {
            assertThat(r.code()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("5");
            String body = r.body().string();
            assertThat(Json.MAPPER.readTree(body).at("/error/code").asText()).isEqualTo("store_unavailable");
            assertThat(body).doesNotContain("10.0.0.9");   // where the store is stays in the server's log
          }
          assertThat(call(client, "GET", "/v1/candidates/cv-00001", null).status()).isEqualTo(503);
        });
  }
}
