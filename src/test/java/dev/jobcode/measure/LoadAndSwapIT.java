package dev.jobcode.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.ClassifierSettings;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServedIndex;
import dev.jobcode.server.ServerSettings;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.testing.RealData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded forms of the load and swap checks on the real model and O*NET data: 32 clients of mixed
 * single and batch requests finish with no error and a stable heap, and a swap from O*NET 29.3 to
 * 30.0 in the middle of a load fails no request.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoadAndSwapIT {
  private static final String TOKEN = "integration-test-admin-token";
  /** The 29.3 index is a slice of the taxonomy, to keep the suite short; the version is what matters. */
  private static final int OCCUPATIONS_29 = 40;

  @TempDir
  Path tmp;

  private static List<String> titles() {
    return Titles.read(RealData.rawTitles(), 2_000);
  }

  @Test
  void thirtyTwoClientsOfMixedRequestsGetNoErrorAndTheHeapStaysFlat() throws Exception {
    int clients = 32;
    int batchEvery = 5;
    LoadReport report = LoadTest.onOwnServer(RealData.classifier(), titles(), clients, Duration.ofSeconds(20), batchEvery);

    assertThat(report.firstErrors()).isEmpty();
    assertThat(report.errors()).isZero();
    assertThat(report.statuses()).containsOnlyKeys(200);
    assertThat(report.requests()).isGreaterThan(100);
    assertThat(report.versions()).containsOnlyKeys("30.0");
    // Every answer was timed, once, in its kind's latencies: a batch every fifth request of each
    // client (so a client's last batch may be up to four requests short), its titles all counted.
    assertThat(report.singleTimed() + report.batchTimed()).isEqualTo(report.requests());
    assertThat(report.titles()).isEqualTo(report.singleTimed() + LoadTest.BATCH_ITEMS * report.batchTimed());
    assertThat(report.batchTimed()).isBetween((report.requests() - (batchEvery - 1) * clients) / batchEvery,
        report.requests() / batchEvery);
    assertThat(report.singleP50Ms()).isPositive().isLessThanOrEqualTo(report.singleP99Ms());
    assertThat(report.batchP50Ms()).isPositive().isLessThanOrEqualTo(report.batchP99Ms());
    assertThat(report.heapAfterBytes()).as("heap in use after GC, before %d", report.heapBeforeBytes())
        .isLessThan(report.heapBeforeBytes() + 64L * 1024 * 1024);
  }

  @Test
  void swappingFromOnet29To30UnderLoadFailsNoRequest() throws Exception {
    // Built (once per run) before the load starts: building it would take the encoder from the load.
    Path index30 = RealData.index();
    Path index29 = tmp.resolve("onet-29.3");
    new IndexBuilder(RealData.encoder(), HnswParams.DEFAULT, ProgressListener.NONE).build(
        OnetLoader.load(RealData.onet29(), Optional.empty()).firstOccupations(OCCUPATIONS_29),
        RealData.onet29().toString(), index29);
    Classifier classifier29 = new Classifier(OnetIndex.open(index29, RealData.encoder().model()), RealData.encoder(),
        ClassifierSettings.forModel(RealData.encoder().model().id()));
    JobcodeServer server = JobcodeServer.create(new ServedIndex(classifier29, null),
        ServerSettings.DEFAULT.withAdminToken(TOKEN), JobcodeServer.RequestLog.NONE).start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + server.port();
    try {
      LoadTest load = new LoadTest(base, titles(), 16);
      ExecutorService background = Executors.newSingleThreadExecutor();
      Future<LoadReport> running = background.submit(() -> load.run(Duration.ofSeconds(12), 5));
      background.shutdown();
      Thread.sleep(4_000);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> swapped = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/index"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(
              Json.MAPPER.createObjectNode().put("path", index30.toString()).toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(swapped.body()).at("/previous/version").asText()).isEqualTo("29.3");

      LoadReport report = running.get(2, TimeUnit.MINUTES);
      assertThat(report.firstErrors()).isEmpty();
      assertThat(report.errors()).isZero();
      assertThat(report.versions()).containsOnlyKeys("29.3", "30.0");
      JsonNode health = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(health.at("/taxonomy/version").asText()).isEqualTo("30.0");
      assertThat(health.at("/index/occupations").asInt()).isEqualTo(1016);
    } finally {
      server.stop();
    }
  }
}
