package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.PooledCv;
import dev.jobcode.json.Json;
import dev.jobcode.opensearch.OpenSearchPool;
import dev.jobcode.testing.OpenSearchCluster;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server on the OpenSearch store answers every candidate call as it does on the embedded store
 * holding the same CVs: search by text and by id with filters, the vote, a CV, the listing, and
 * adding, replacing and erasing a CV through the API.
 */
class OpenSearchServerIT {
  private static final String TOKEN = "opensearch-it-token";
  private static OpenSearchPool store;

  @RegisterExtension
  final LiveServers servers = new LiveServers();

  @BeforeAll
  static void load() {
    store = OpenSearchCluster.shared().copyOf(RealData.pool(), "it-server");
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void answersAsTheEmbeddedStoreDoes() throws Exception {
    JobcodeServer embedded = servers.start(RealData.classifier(), RealData.pool(), ServerSettings.DEFAULT,
        JobcodeServer.RequestLog.NONE);
    JobcodeServer distributed = servers.start(RealData.classifier(), store, ServerSettings.DEFAULT,
        JobcodeServer.RequestLog.NONE);
    List<PooledCv> cvs = RealData.pool().list();
    List<String> bodies = new ArrayList<>();
    for (PooledCv cv : cvs.subList(0, 5)) {
      bodies.add("{\"id\": \"" + cv.id() + "\", \"k\": 10}");
      bodies.add("{\"id\": \"" + cv.id() + "\", \"k\": 5, \"filters\": {\"major_group\": \"" + cv.cv().majorGroup()
          + "\", \"min_years\": 3}}");
    }
    bodies.add("{\"text\": \"Registered nurse, ten years in intensive care, ventilators and triage\", \"k\": 10}");
    bodies.add("{\"text\": \"Java developer building payment services\", \"k\": 10, \"filters\": {\"it\": true}}");
    double same = 0;
    double all = 0;
    for (String body : bodies) {
      JsonNode a = json(send(embedded, "POST", "/v1/candidates/search", body), 200);
      JsonNode b = json(send(distributed, "POST", "/v1/candidates/search", body), 200);
      assertThat(fieldsOf(b)).isEqualTo(fieldsOf(a));
      assertThat(b.path("results").size()).as(body).isEqualTo(a.path("results").size());
      Set<String> ids = new HashSet<>(ids(b));
      same += ids(a).stream().filter(ids::contains).count();
      all += a.path("results").size();
      assertThat(b.path("query")).isEqualTo(a.path("query"));
    }
    assertThat(same / all).as("the same candidates").isGreaterThanOrEqualTo(0.98);

    String vote = "{\"text\": \"Registered nurse in a hospital emergency department\"}";
    JsonNode va = json(send(embedded, "POST", "/v1/candidates/classify", vote), 200);
    JsonNode vb = json(send(distributed, "POST", "/v1/candidates/classify", vote), 200);
    assertThat(vb.at("/results/0/code")).isEqualTo(va.at("/results/0/code"));

    String id = cvs.get(3).id();
    assertThat(json(send(distributed, "GET", "/v1/candidates/" + id, null), 200))
        .isEqualTo(json(send(embedded, "GET", "/v1/candidates/" + id, null), 200));
    assertThat(send(distributed, "GET", "/v1/candidates/no-such-cv", null).statusCode()).isEqualTo(404);
    assertThat(json(send(distributed, "GET", "/v1/candidates?offset=10&limit=20", null), 200))
        .isEqualTo(json(send(embedded, "GET", "/v1/candidates?offset=10&limit=20", null), 200));
    JsonNode health = json(send(distributed, "GET", "/health", null), 200);
    assertThat(health.at("/pool/path").asText()).contains("/it-server");
    assertThat(health.at("/pool/candidates").asInt()).isEqualTo(cvs.size());
  }

  @Test
  void addsReplacesAndErasesThroughTheApi() throws Exception {
    JobcodeServer server = servers.start(RealData.classifier(), store, ServerSettings.DEFAULT.withWriteToken(TOKEN),
        JobcodeServer.RequestLog.NONE);
    String text = "Maria Lopez. Registered nurse with 9 years in intensive care units; ventilator management, "
        + "patient assessment and Epic Systems charting.";
    String auth = "Bearer " + TOKEN;
    JsonNode added = json(send(server, "POST", "/v1/candidates",
        Json.MAPPER.writeValueAsString(java.util.Map.of("id", "maria", "name", "Maria Lopez", "text", text)),
        "Authorization", auth), 201);
    assertThat(added.path("id").asText()).isEqualTo("maria");
    assertThat(json(send(server, "POST", "/v1/candidates", Json.MAPPER.writeValueAsString(
        java.util.Map.of("id", "maria-again", "text", text)), "Authorization", auth), 409)
        .at("/error/code").asText()).isEqualTo("duplicate");
    JsonNode found = json(send(server, "POST", "/v1/candidates/search", "{\"text\": \"" + text + "\", \"k\": 1}"), 200);
    assertThat(found.at("/results/0/id").asText()).isEqualTo("maria");
    json(send(server, "PUT", "/v1/candidates/maria", Json.MAPPER.writeValueAsString(
        java.util.Map.of("name", "Maria Lopez", "onet_code", "29-1141.00", "text", text + " Charge nurse since 2022.")),
        "Authorization", auth), 200);
    assertThat(json(send(server, "GET", "/v1/candidates/maria", null), 200).path("onet_code").asText())
        .isEqualTo("29-1141.00");
    JsonNode receipt = json(send(server, "DELETE", "/v1/candidates/maria", null, "Authorization", auth), 200);
    assertThat(receipt.path("deleted_at").asText()).isNotBlank();
    assertThat(send(server, "GET", "/v1/candidates/maria", null).statusCode()).isEqualTo(404);
    assertThat(store.size()).isEqualTo(RealData.pool().size());
  }

  private HttpResponse<String> send(JobcodeServer server, String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    return servers.send(server, method, path, json, headers);
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Json.MAPPER.readTree(r.body());
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("results").forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  private static List<String> fieldsOf(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
