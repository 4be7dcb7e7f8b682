package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOC 2010 codes wherever the API takes an occupation code, through the fixture's hand-made
 * crosswalk: 15-1132 → 15-1252 (served) + 15-1253 (not), 43-4199 → 43-4041 + 43-4051 (both served).
 */
class Soc2010CodesTest {
  private static final String TOKEN = "a-write-token-for-the-tests";

  @TempDir
  Path tmp;

  private CandidatePool pool;

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private void withServer(io.javalin.testtools.TestCase test) {
    pool = Fixtures.newPool(tmp.resolve("pool"), Fixtures.cvs());
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), pool,
        Fixtures.smallLimits().withWriteToken(TOKEN)).javalin(), test);
  }

  record Answer(int status, JsonNode json, String raw) {}

  private static Answer call(HttpClient client, String method, String path, String json) throws IOException {
    RequestBody body = json == null ? null
        : RequestBody.create(json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"));
    try (Response r = client.request(path, b -> b.method(method, body).header("Authorization", "Bearer " + TOKEN))) {
      String raw = r.body().string();
      return new Answer(r.code(), Json.MAPPER.readTree(raw), raw);
    }
  }

  @Test
  void aSoc2010CodeLooksUpItsOccupationAndSaysItWasMapped() {
    withServer((server, client) -> {
      Answer a = call(client, "GET", "/v1/occupations/15-1132", null);
      assertThat(a.status()).as(a.raw()).isEqualTo(200);
      assertThat(a.json().get("code").asText()).isEqualTo("15-1252.00");
      assertThat(a.json().at("/mapped_from/version").asText()).isEqualTo("SOC 2010");
      assertThat(a.json().at("/mapped_from/code").asText()).isEqualTo("15-1132");
      assertThat(a.json().at("/mapped_from/title").asText()).isEqualTo("Software Developers, Applications");
      assertThat(a.json().at("/mapped_from/soc2018").toString()).isEqualTo("[\"15-1252\",\"15-1253\"]");
      Answer same = call(client, "GET", "/v1/occupations/15-1252", null);   // a SOC 2018 code: not mapped
      assertThat(same.json().get("code").asText()).isEqualTo("15-1252.00");
      assertThat(same.json().has("mapped_from")).isFalse();
    });
  }

  @Test
  void aCodeMeaningSeveralOccupationsAnswersTheChoices() {
    withServer((server, client) -> {
      Answer a = call(client, "GET", "/v1/occupations/43-4199", null);
      assertThat(a.status()).as(a.raw()).isEqualTo(300);
      assertThat(a.json().get("written").asText()).isEqualTo("43-4199");
      assertThat(a.json().at("/mapped_from/code").asText()).isEqualTo("43-4199");
      assertThat(a.json().get("choices")).extracting(c -> c.get("code").asText())
          .containsExactly("43-4041.00", "43-4051.00");
      assertThat(a.json().at("/choices/1/title").asText()).isEqualTo("Customer Service Representatives");
    });
  }

  @Test
  void aCodeOfNoVersionIs400NamingBothAndAnUnservedOneIs404() {
    withServer((server, client) -> {
      Answer unknown = call(client, "GET", "/v1/occupations/29-9999", null);
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.json().at("/error/message").asText()).isEqualTo("29-9999 is not a SOC 2018 or SOC 2010 code");
      Answer unserved = call(client, "GET", "/v1/occupations/15-1121", null);
      assertThat(unserved.status()).isEqualTo(404);
      assertThat(unserved.json().at("/error/message").asText()).contains("15-1211");
    });
  }

  @Test
  void aFilterOnASplitCodeAdmitsCvsOfAnyOfItsOccupations() {
    withServer((server, client) -> {
      for (String path : new String[] {"/v1/candidates/search", "/v1/candidates/classify"}) {
        Answer a = call(client, "POST", path, "{\"text\": \"answer customer questions\", \"k\": 20, "
            + "\"filters\": {\"onet_code\": \"43-4199\"}}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.json().at("/onet_code_filter/onet_codes").toString())
            .isEqualTo("[\"43-4041.00\",\"43-4051.00\"]");
        assertThat(a.json().at("/onet_code_filter/mapped_from/version").asText()).isEqualTo("SOC 2010");
        JsonNode found = a.json().get(path.endsWith("search") ? "results" : "neighbours");
        assertThat(found).hasSize(20).allSatisfy(r -> assertThat(r.get("onet_code").asText())
            .isIn("43-4041.00", "43-4051.00"));
        assertThat(found).extracting(r -> r.get("onet_code").asText()).contains("43-4041.00", "43-4051.00");
      }
    });
  }

  @Test
  void aCvsSoc2010CodeIsStoredAsIts2018OccupationAndAnAmbiguousOneIsRefused() {
    withServer((server, client) -> {
      Answer add = call(client, "POST", "/v1/candidates", "{\"id\": \"dev\", \"text\": \"Java developer, "
          + "Spring services, 6 years\", \"onet_code\": \"15-1132\"}");
      assertThat(add.status()).as(add.raw()).isEqualTo(201);
      assertThat(add.json().at("/candidate/onet_code").asText()).isEqualTo("15-1252.00");
      assertThat(add.json().at("/candidate/major_group").asText()).isEqualTo("15");
      assertThat(add.json().at("/onet_code_read/written").asText()).isEqualTo("15-1132");
      assertThat(add.json().at("/onet_code_read/mapped_from/version").asText()).isEqualTo("SOC 2010");
      Answer plain = call(client, "POST", "/v1/candidates", "{\"id\": \"rn\", \"text\": \"Night shift nurse on "
          + "a cardiac ward\", \"onet_code\": \"29-1141.00\"}");
      assertThat(plain.json().has("onet_code_read")).isFalse();
      Answer split = call(client, "POST", "/v1/candidates", "{\"id\": \"clerk\", \"text\": \"Clerk\", "
          + "\"onet_code\": \"43-4199\"}");
      assertThat(split.status()).isEqualTo(400);
      assertThat(split.json().at("/error/message").asText()).contains("name one of 43-4041.00, 43-4051.00");
    });
  }
}
