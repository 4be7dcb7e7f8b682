package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.json.Json;
import dev.jobcode.testing.OldLucene;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server serves an index that Lucene 9.12 wrote, swaps between it and one Lucene 10 wrote, and
 * refuses to swap to one that Lucene 8 wrote with the one line that says to rebuild it.
 */
class OldLuceneSwapIT {
  private static final String TOKEN = "a-test-token-of-some-length";

  @RegisterExtension
  final LiveServers servers = new LiveServers();

  @Test
  void aLucene9IndexIsServedAndSwappedToAndALucene8OneIsRefused() throws Exception {
    Path lucene9 = OldLucene.realIndex(OldLucene.Release.LUCENE_9_12);
    Path lucene8 = OldLucene.realIndex(OldLucene.Release.LUCENE_8_11);
    Classifier onLucene9 = new Classifier(OnetIndex.open(lucene9, RealData.encoder().model()), RealData.encoder(),
        RealData.classifier().settings());
    JobcodeServer server = servers.start(onLucene9, ServerSettings.DEFAULT.withAdminToken(TOKEN), line -> {});
    List<String> nurse = classify(server);

    HttpResponse<String> refused = swap(server, lucene8);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode error = Json.MAPPER.readTree(refused.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("index_refused");
    assertThat(error.get("message").asText())
        .isEqualTo(OldLucene.lucene8Refusal(lucene8) + "; still serving 30.0 from " + lucene9);

    assertThat(swap(server, RealData.index()).statusCode()).isEqualTo(200);
    assertThat(classify(server)).as("Lucene 10's index answers as Lucene 9's did").isEqualTo(nurse);
    HttpResponse<String> back = swap(server, lucene9);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(back.body()).at("/index/path").asText()).isEqualTo(lucene9.toString());
    assertThat(classify(server)).isEqualTo(nurse);
  }

  /**
   * The codes found for one title, best first (scores may differ in the last bits: the encoder's
   * float sums are not always the same; OldLuceneIndexIT compares scores with one vector per text).
   */
  private List<String> classify(JobcodeServer server) throws IOException, InterruptedException {
    HttpResponse<String> r = servers.send(server, "POST", "/v1/classify", "{\"title\": \"ICU nurse\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    Json.MAPPER.readTree(r.body()).get("results").forEach(m -> codes.add(m.get("code").asText()));
    assertThat(codes).first().isEqualTo("29-1141.03");   // Critical Care Nurses
    return codes;
  }

  private HttpResponse<String> swap(JobcodeServer server, Path dir) throws IOException, InterruptedException {
    return servers.send(server, "POST", "/admin/index", Json.MAPPER.createObjectNode().put("path", dir.toString())
        .toString(), "Authorization", "Bearer " + TOKEN);
  }
}
