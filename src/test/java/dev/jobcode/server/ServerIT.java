package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.json.Json;
import dev.jobcode.testing.RealData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The real server on a real port, over the real model and O*NET 30.0 index. */
class ServerIT {
  @Test
  void classifiesOverHttpOnAnEphemeralPort() throws Exception {
    JobcodeServer app = JobcodeServer.create(RealData.classifier(), ServerSettings.DEFAULT).start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.port();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/classify"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Registered Nurse - ICU\", \"k\": 3}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode json = Json.MAPPER.readTree(r.body());
      assertThat(json.at("/taxonomy/version").asText()).isEqualTo("30.0");
      assertThat(json.at("/results/0/soc_code").asText()).isEqualTo("29-1141");
      assertThat(json.at("/results/0/evidence/0/text").asText()).containsIgnoringCase("Nurse");
      assertThat(json.at("/model/id").asText()).isEqualTo(ModelSpec.DEFAULT_ID);

      HttpResponse<String> occupation = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/occupations/15-1252.00")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(Json.MAPPER.readTree(occupation.body()).get("title").asText()).isEqualTo("Software Developers");
    } finally {
      app.stop();
    }
  }
}
