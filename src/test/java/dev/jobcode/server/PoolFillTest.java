package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pool filled behind a started server (its first start): occupations at once, candidates once it is complete. */
class PoolFillTest {
  @RegisterExtension
  final LiveServers servers = new LiveServers();

  private final PoolFill fill = PoolFill.starting("opening");
  private JobcodeServer server;

  private JobcodeServer server() {
    if (server == null) {
      server = servers.start(new ServedIndex(Fixtures.classifier(), Fixtures.pool(), fill), ServerSettings.DEFAULT,
          line -> {});
    }
    return server;
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return servers.send(server(), method, path, json);
  }

  private JsonNode health() throws Exception {
    return Json.MAPPER.readTree(send("GET", "/health", null).body());
  }

  @Test
  void candidateCallsWaitWith503AndTheProgressWhileOccupationsAreAnswered() throws Exception {
    fill.stage("encoding the default CVs");
    fill.progress(3200, 10_000);
    assertThat(send("POST", "/v1/classify", "{\"title\": \"ICU Nurse\"}").statusCode()).isEqualTo(200);
    for (String[] call : new String[][] {{"POST", "/v1/candidates/search", "{\"text\": \"ICU nurse\"}"},
        {"POST", "/v1/candidates/classify", "{\"text\": \"ICU nurse\"}"}, {"GET", "/v1/candidates", null},
        {"GET", "/v1/candidates/cv-0123456789abcdef", null}}) {
      HttpResponse<String> r = send(call[0], call[1], call[2]);
      assertThat(r.statusCode()).as(call[1]).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).contains("30");
      JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
      assertThat(error.get("code").asText()).isEqualTo("pool_building");
      assertThat(error.get("message").asText()).contains("encoding the default CVs: 3,200 of 10,000")
          .contains("occupations are answered meanwhile");
    }
    JsonNode build = health().at("/pool/build");
    assertThat(build.get("state").asText()).isEqualTo("building");
    assertThat(build.get("stage").asText()).isEqualTo("encoding the default CVs");
    assertThat(build.get("done").asLong()).isEqualTo(3200);
    assertThat(build.get("total").asLong()).isEqualTo(10_000);

    fill.finish();
    assertThat(send("POST", "/v1/candidates/search", "{\"text\": \"ICU nurse\", \"k\": 3}").statusCode()).isEqualTo(200);
    assertThat(health().get("pool").has("build")).as("a complete pool has no build").isFalse();
  }

  @Test
  void aFailedFillKeepsRefusingCandidatesAndSaysWhy() throws Exception {
    fill.fail("no space left on device");
    HttpResponse<String> r = send("POST", "/v1/candidates/search", "{\"text\": \"ICU nurse\"}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("could not be built (no space left on device)").contains("restart the server");
    assertThat(health().at("/pool/build/state").asText()).isEqualTo("failed");
    assertThat(health().at("/pool/build/error").asText()).isEqualTo("no space left on device");
    fill.finish();
    assertThat(fill.ready()).as("a failed fill is never ready").isFalse();
  }

  @Test
  void aCancelledFillStopsAtItsNextProgressReport() {
    fill.progress(64, 10_000);
    fill.cancel();
    assertThatThrownBy(() -> fill.progress(128, 10_000)).isInstanceOf(CancellationException.class);
    assertThat(fill.ready()).isFalse();
    assertThat(PoolFill.complete().ready()).isTrue();
  }
}
