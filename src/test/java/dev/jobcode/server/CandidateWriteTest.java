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
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adding, replacing and erasing CVs over HTTP, on a pool of the fixture's CVs (fake encoder). */
class CandidateWriteTest {
  private static final String TOKEN = "a-write-token-for-the-tests";
  private static final String NURSE = "ICU nurse: monitor patient vital signs and record patient care. 7 years of "
      + "experience.";

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
    pool = Fixtures.newPool(tmp.resolve("pool"), Fixtures.cvs().subList(0, 30));
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), pool,
        Fixtures.smallLimits().withWriteToken(TOKEN).withMaxUploadBytes(100_000)).javalin(), test);
  }

  record Answer(int status, JsonNode json, String raw) {}

  private static Answer call(HttpClient client, String method, String path, RequestBody body, String token)
      throws IOException {
    Consumer<Request.Builder> b = r -> {
      r.method(method, body);
      if (token != null) {
        r.header("Authorization", "Bearer " + token);
      }
    };
    try (Response r = client.request(path, b)) {
      String raw = r.body().string();
      return new Answer(r.code(), raw.isEmpty() ? null : Json.MAPPER.readTree(raw), raw);
    }
  }

  private static RequestBody json(String json) {
    return RequestBody.create(json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"));
  }

  private static RequestBody upload(String name, byte[] content, String... fields) {
    MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", name, RequestBody.create(content, MediaType.get("application/octet-stream")));
    for (int i = 0; i < fields.length; i += 2) {
      b.addFormDataPart(fields[i], fields[i + 1]);
    }
    return b.build();
  }

  private static String body(String... fields) {
    var node = Json.MAPPER.createObjectNode();
    for (int i = 0; i < fields.length; i += 2) {
      node.put(fields[i], fields[i + 1]);
    }
    return node.toString();
  }

  @Test
  void aJsonCvIsAddedFoundAtOnceReplacedAndErasedWithAReceipt() {
    withServer((server, client) -> {
      Answer add = call(client, "POST", "/v1/candidates", json(body("id", "jane", "name", "Jane Roe", "text", NURSE)),
          TOKEN);
      assertThat(add.status()).as(add.raw()).isEqualTo(201);
      assertThat(add.json().get("id").asText()).isEqualTo("jane");
      assertThat(add.json().get("outcome").asText()).isEqualTo("added");
      // No labels given: jobcode infers them, and says so.
      assertThat(add.json().get("inferred")).extracting(JsonNode::asText).contains("onet_code", "major_group", "years", "it");
      assertThat(add.json().at("/candidate/years").asInt()).isEqualTo(7);

      Answer search = call(client, "POST", "/v1/candidates/search", json("{\"text\": \"" + NURSE + "\", \"k\": 1}"), null);
      assertThat(search.json().at("/results/0/id").asText()).isEqualTo("jane");
      Answer get = call(client, "GET", "/v1/candidates/jane", null, null);
      assertThat(get.json().get("inferred")).extracting(JsonNode::asText).contains("onet_code");
      assertThat(get.json().get("added_at").asText()).isNotBlank();

      Answer put = call(client, "PUT", "/v1/candidates/jane",
          json(body("name", "Jane Roe", "text", "Welder: weld metal parts, read blueprints", "onet_code", "51-4121.06")),
          TOKEN);
      assertThat(put.status()).as(put.raw()).isEqualTo(200);
      assertThat(put.json().get("outcome").asText()).isEqualTo("replaced");
      assertThat(put.json().get("inferred")).extracting(JsonNode::asText).doesNotContain("onet_code");
      assertThat(call(client, "GET", "/v1/candidates/jane", null, null).json().get("onet_code").asText())
          .isEqualTo("51-4121.06");

      Answer delete = call(client, "DELETE", "/v1/candidates/jane", null, TOKEN);
      assertThat(delete.status()).as(delete.raw()).isEqualTo(200);
      assertThat(delete.json().get("id").asText()).isEqualTo("jane");
      assertThat(delete.json().at("/removed/name").asText()).isEqualTo("Jane Roe");
      assertThat(delete.json().get("erased_from_files_by").asText()).isGreaterThan(delete.json().get("deleted_at").asText());
      assertThat(call(client, "GET", "/v1/candidates/jane", null, null).status()).isEqualTo(404);
      assertThat(call(client, "DELETE", "/v1/candidates/jane", null, TOKEN).status()).isEqualTo(404);
    });
  }

  @Test
  void aFileUploadIsReadAndItsFormFieldsWin() {
    withServer((server, client) -> {
      byte[] html = ("<html><body><h1>Registered Nurse</h1><p>" + NURSE + "</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      Answer add = call(client, "POST", "/v1/candidates", upload("jane.html", html, "name", "Jane Roe", "level", "senior"),
          TOKEN);
      assertThat(add.status()).as(add.raw()).isEqualTo(201);
      assertThat(add.json().get("id").asText()).startsWith("cv-");
      assertThat(add.json().at("/candidate/source").asText()).isEqualTo("jane.html");
      assertThat(add.json().at("/candidate/level").asText()).isEqualTo("senior");
      assertThat(add.json().at("/candidate/text").asText()).contains("Registered Nurse").doesNotContain("<h1>");
      assertThat(add.json().get("inferred")).extracting(JsonNode::asText).doesNotContain("level");

      Answer again = call(client, "POST", "/v1/candidates", upload("jane-again.html", html), TOKEN);
      assertThat(again.status()).as(again.raw()).isEqualTo(409);
      assertThat(again.json().at("/error/code").asText()).isEqualTo("duplicate");
      assertThat(again.json().at("/error/message").asText()).contains(add.json().get("id").asText());
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an unknown field|application/json|{\"text\": \"a nurse\", \"salary\": 5}|400|invalid_request",
      "no text|application/json|{\"id\": \"x\"}|400|invalid_request",
      "a bad level|application/json|{\"text\": \"a nurse\", \"level\": \"boss\"}|400|invalid_request",
      "a code and a major group that disagree|application/json|{\"text\": \"a nurse\", \"onet_code\": \"29-1141.00\", \"major_group\": \"15\"}|400|invalid_request",
      "years out of range|application/json|{\"text\": \"a nurse\", \"years\": 99}|400|invalid_request",
      "not JSON|application/json|{\"text\": |400|invalid_json",
      "a plain text body|text/plain|a nurse|415|unsupported_media_type"})
  void badAddsAreRefusedAndChangeNothing(String what, String type, String body, int status, String code) {
    withServer((server, client) -> {
      int before = pool.size();
      Answer a = call(client, "POST", "/v1/candidates",
          RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(type)), TOKEN);
      assertThat(a.status()).as(a.raw()).isEqualTo(status);
      assertThat(a.json().at("/error/code").asText()).isEqualTo(code);
      assertThat(pool.size()).isEqualTo(before);
    });
  }

  @Test
  void badFilesAreRefusedAndChangeNothing() {
    withServer((server, client) -> {
      int before = pool.size();
      Answer empty = call(client, "POST", "/v1/candidates", upload("empty.pdf", new byte[0]), TOKEN);
      assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
      assertThat(empty.json().at("/error/code").asText()).isEqualTo("unreadable_file");
      Answer corrupt = call(client, "POST", "/v1/candidates",
          upload("cv.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII)), TOKEN);
      assertThat(corrupt.status()).as(corrupt.raw()).isEqualTo(400);
      assertThat(corrupt.json().at("/error/message").asText()).startsWith("cv.pdf: ");
      Answer image = call(client, "POST", "/v1/candidates", upload("photo.png",
          new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), TOKEN);
      assertThat(image.status()).as(image.raw()).isEqualTo(400);
      Answer big = call(client, "POST", "/v1/candidates", upload("big.txt", new byte[200_000]), TOKEN);
      assertThat(big.status()).as(big.raw()).isEqualTo(413);
      Answer twoFiles = call(client, "POST", "/v1/candidates", new MultipartBody.Builder().setType(MultipartBody.FORM)
          .addFormDataPart("file", "a.txt", RequestBody.create("a nurse".getBytes(StandardCharsets.UTF_8)))
          .addFormDataPart("cv", "b.txt", RequestBody.create("a welder".getBytes(StandardCharsets.UTF_8))).build(),
          TOKEN);
      assertThat(twoFiles.status()).as(twoFiles.raw()).isEqualTo(400);
      Answer unknownField = call(client, "POST", "/v1/candidates",
          upload("a.txt", "a nurse".getBytes(StandardCharsets.UTF_8), "salary", "5"), TOKEN);
      assertThat(unknownField.status()).as(unknownField.raw()).isEqualTo(400);
      Answer badYears = call(client, "POST", "/v1/candidates",
          upload("a.txt", "a nurse".getBytes(StandardCharsets.UTF_8), "years", "many"), TOKEN);
      assertThat(badYears.status()).as(badYears.raw()).isEqualTo(400);
      assertThat(pool.size()).isEqualTo(before);
    });
  }

  @Test
  void writesNeedTheTokenAndKnownIds() {
    withServer((server, client) -> {
      int before = pool.size();
      String cv = body("text", NURSE);
      for (String token : new String[] {null, "wrong-token-of-some-length", TOKEN + "x"}) {
        Answer a = call(client, "POST", "/v1/candidates", json(cv), token);
        assertThat(a.status()).as(a.raw()).isEqualTo(401);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(call(client, "DELETE", "/v1/candidates/cv-00001", null, token).status()).isEqualTo(401);
      }
      assertThat(call(client, "PUT", "/v1/candidates/nobody", json(cv), TOKEN).status()).isEqualTo(404);
      Answer mismatch = call(client, "PUT", "/v1/candidates/cv-00001", json(body("id", "other", "text", NURSE)), TOKEN);
      assertThat(mismatch.status()).as(mismatch.raw()).isEqualTo(400);
      Answer taken = call(client, "POST", "/v1/candidates", json(body("id", "cv-00001", "text", NURSE)), TOKEN);
      assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
      assertThat(taken.json().at("/error/code").asText()).isEqualTo("id_taken");
      assertThat(pool.size()).isEqualTo(before);
    });
  }

  @Test
  void withoutAWriteTokenThereAreNoWriteRoutesButTheListingIsOpen() {
    pool = Fixtures.newPool(tmp.resolve("pool"), Fixtures.cvs().subList(0, 30));
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), pool, Fixtures.smallLimits()).javalin(),
        (server, client) -> {
          assertThat(call(client, "POST", "/v1/candidates", json(body("text", NURSE)), TOKEN).status()).isEqualTo(405);
          assertThat(call(client, "DELETE", "/v1/candidates/cv-00001", null, TOKEN).status()).isEqualTo(405);
          Answer list = call(client, "GET", "/v1/candidates?offset=10&limit=5", null, null);
          assertThat(list.status()).as(list.raw()).isEqualTo(200);
          assertThat(list.json().get("total").asInt()).isEqualTo(30);
          assertThat(list.json().get("items")).hasSize(5);
          assertThat(list.json().at("/items/0/id").asText()).isEqualTo("cv-00011");
          assertThat(call(client, "GET", "/v1/candidates?limit=0", null, null).status()).isEqualTo(400);
          Answer health = call(client, "GET", "/health", null, null);
          assertThat(health.json().at("/pool/candidates").asInt()).isEqualTo(30);
          assertThat(health.json().at("/pool/writable").asBoolean()).isFalse();
        });
  }
}
