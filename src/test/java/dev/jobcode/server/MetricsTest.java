package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.classify.AnswerCache;
import dev.jobcode.classify.Classifier;
import dev.jobcode.encoder.CoalescingEncoder;
import dev.jobcode.json.Json;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.GatedEncoder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: each server's own counts, exact per route and status, and never queued. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsTest {
  private static final String TOKEN = "a-test-token-of-some-length";
  private static final String REQUESTS = "jobcode_http_requests_seconds_count";

  @TempDir
  Path tmp;

  @RegisterExtension
  final LiveServers servers = new LiveServers();

  private JobcodeServer start(Classifier classifier, ServerSettings settings) {
    return servers.start(classifier, settings, line -> {});
  }

  private HttpResponse<String> send(JobcodeServer server, String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    return servers.send(server, method, path, json, headers);
  }

  private int post(JobcodeServer server, String path, String json) throws IOException, InterruptedException {
    return send(server, "POST", path, json).statusCode();
  }

  private int get(JobcodeServer server, String path) throws IOException, InterruptedException {
    return send(server, "GET", path, null).statusCode();
  }

  private Scrape scrape(JobcodeServer server) throws IOException, InterruptedException {
    HttpResponse<String> r = send(server, "GET", "/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/plain; version=0.0.4"));
    return Scrape.parse(r.body());
  }

  /**
   * Scrapes until {@code ready} holds (at most 10 s), then returns that scrape: a request is counted
   * by the request log hook, which Javalin runs just after writing the answer.
   */
  private Scrape scrapeWhen(JobcodeServer server, Predicate<Scrape> ready) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Scrape s = scrape(server);
    while (!ready.test(s) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      s = scrape(server);
    }
    return s;
  }

  private Scrape scrapeAfter(JobcodeServer server, int requests) throws IOException, InterruptedException {
    return scrapeWhen(server, s -> s.total(REQUESTS) >= requests);
  }

  @Test
  void countsEveryRequestByRoutePatternMethodAndStatusWithLatencyBuckets() throws Exception {
    JobcodeServer server = start(Fixtures.classifier(), ServerSettings.DEFAULT);
    for (String title : new String[] {"ICU Nurse", "Electrician", "Registered Nurse"}) {
      assertThat(post(server, "/v1/classify", "{\"title\": \"" + title + "\"}")).isEqualTo(200);
    }
    assertThat(post(server, "/v1/classify", "{\"title\": 3}")).isEqualTo(400);
    assertThat(get(server, "/v1/occupations/29-1141.00")).isEqualTo(200);
    assertThat(get(server, "/v1/occupations/47-2111.00")).isEqualTo(200);
    assertThat(get(server, "/v1/no/such/route/12345")).isEqualTo(404);
    assertThat(get(server, "/health")).isEqualTo(200);

    Scrape s = scrapeAfter(server, 8);
    assertThat(s.total(REQUESTS)).as("every request but the scrapes").isEqualTo(8);
    assertThat(s.value(REQUESTS, "route", "/v1/classify", "method", "POST", "status", "200")).isEqualTo(3);
    assertThat(s.value(REQUESTS, "route", "/v1/classify", "method", "POST", "status", "400")).isEqualTo(1);
    assertThat(s.value(REQUESTS, "route", "/v1/occupations/{code}", "method", "GET", "status", "200")).isEqualTo(2);
    assertThat(s.value(REQUESTS, "route", "unmatched", "method", "GET", "status", "404")).isEqualTo(1);
    assertThat(s.value(REQUESTS, "route", "/health", "method", "GET", "status", "200")).isEqualTo(1);
    assertThat(s.find(REQUESTS).stream().map(x -> x.label("route")).collect(Collectors.toSet()))
        .as("route patterns, never raw paths").containsExactlyInAnyOrder("/v1/classify", "/v1/occupations/{code}",
            "unmatched", "/health");

    List<Scrape.Sample> buckets = s.find("jobcode_http_requests_seconds_bucket", "route", "/v1/classify",
        "status", "200");
    assertThat(buckets).extracting(b -> b.label("le")).containsExactly("0.001", "0.002", "0.005", "0.01", "0.025",
        "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "+Inf");
    assertThat(buckets.get(buckets.size() - 1).value()).isEqualTo(3);
    for (int i = 1; i < buckets.size(); i++) {
      assertThat(buckets.get(i).value()).as("cumulative").isGreaterThanOrEqualTo(buckets.get(i - 1).value());
    }
    assertThat(s.value("jobcode_http_requests_seconds_sum", "route", "/v1/classify", "status", "200"))
        .isGreaterThan(0);
    assertThat(s.find("jobcode_encoder_batch_texts_count")).as("this encoder does not coalesce").isEmpty();

    Scrape again = scrape(server);
    assertThat(again.find(REQUESTS)).as("scraping changes no request count").isEqualTo(s.find(REQUESTS));

    JobcodeServer other = start(Fixtures.classifier(), ServerSettings.DEFAULT);
    assertThat(scrape(other).find(REQUESTS)).as("a registry per server").isEmpty();
  }

  @Test
  void encoderMetersCountTheCallsAndTextsOfEveryModelCall() throws Exception {
    CoalescingEncoder encoder = new CoalescingEncoder(new FakeEncoder(), 64);
    JobcodeServer server = start(Fixtures.classifierAt(tmp.resolve("a"), "99.1", encoder), ServerSettings.DEFAULT);
    assertThat(post(server, "/v1/classify", "{\"title\": \"Nurse\"}")).isEqualTo(200);
    assertThat(post(server, "/v1/classify", "{\"title\": \"Nurse\", \"description\": \"Care for patients\"}"))
        .isEqualTo(200);
    assertThat(post(server, "/v1/classify/batch",
        "{\"items\": [{\"title\": \"Nurse\"}, {\"title\": \"Welder\"}, {\"title\": \"Cashier\"}]}")).isEqualTo(200);

    Scrape s = scrape(server);
    assertThat(s.value("jobcode_encoder_batch_texts_sum")).as("1 + 2 + 3 texts").isEqualTo(6);
    assertThat(s.value("jobcode_encoder_batch_texts_count")).as("model calls, one a request").isEqualTo(3);
    assertThat(s.value("jobcode_encoder_calls_total")).isEqualTo(3);
    assertThat(s.value("jobcode_encoder_batch_texts_bucket", "le", "1.0")).isEqualTo(1);
    assertThat(s.value("jobcode_encoder_batch_texts_bucket", "le", "2.0")).isEqualTo(2);
    assertThat(s.value("jobcode_encoder_batch_texts_bucket", "le", "+Inf")).isEqualTo(3);
    assertThat(s.value("jobcode_encoder_batch_seconds_count")).isEqualTo(3);
    assertThat(s.value("jobcode_encoder_batch_seconds_bucket", "le", "+Inf")).isEqualTo(3);
  }

  @Test
  void candidateSearchesAreCountedAndTimedByKind() throws Exception {
    JobcodeServer server = servers.start(Fixtures.classifier(), Fixtures.pool(), ServerSettings.DEFAULT, line -> {});
    assertThat(post(server, "/v1/candidates/search", "{\"text\": \"ICU nurse\", \"k\": 3}")).isEqualTo(200);
    String unknownCode = "{\"text\": \"ICU nurse\", \"filters\": {\"onet_code\": \"11-1011.00\"}}";
    assertThat(post(server, "/v1/candidates/search", unknownCode)).as("an occupation the fixture lacks").isEqualTo(400);
    assertThat(post(server, "/v1/candidates/classify", "{\"text\": \"Electrician, wiring\"}")).isEqualTo(200);
    assertThat(post(server, "/v1/candidates/classify", "{\"text\": \"Software developer, Java\"}")).isEqualTo(200);

    Scrape s = scrapeAfter(server, 4);
    assertThat(s.value("jobcode_candidate_searches_seconds_count", "kind", "search")).as("the 400 is no search")
        .isEqualTo(1);
    assertThat(s.value("jobcode_candidate_searches_seconds_count", "kind", "vote")).isEqualTo(2);
    assertThat(s.value("jobcode_candidate_searches_seconds_bucket", "kind", "vote", "le", "+Inf")).isEqualTo(2);
    assertThat(s.value(REQUESTS, "route", "/v1/candidates/search", "status", "200")).isEqualTo(1);
    assertThat(s.value(REQUESTS, "route", "/v1/candidates/search", "status", "400")).isEqualTo(1);
    assertThat(s.value(REQUESTS, "route", "/v1/candidates/classify", "status", "200")).isEqualTo(2);
  }

  @Test
  void indexInfoNamesTheServedIndexAndAfterASwapOnlyTheNewOne() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    Classifier first = Fixtures.classifierAt(tmp.resolve("v1"), "99.1", encoder);
    Classifier second = Fixtures.classifierAt(tmp.resolve("v2"), "99.2", encoder);
    String secondBuilt = second.index().meta().builtAt();
    second.index().close();
    JobcodeServer server = start(first, ServerSettings.DEFAULT.withAdminToken(TOKEN));
    String firstBuilt = first.index().meta().builtAt();

    Scrape before = scrape(server);
    assertThat(before.find("jobcode_index_info")).singleElement().satisfies(info -> {
      assertThat(info.labels()).containsEntry("taxonomy", "O*NET-SOC").containsEntry("version", "99.1")
          .containsEntry("model", "fake-bow").containsEntry("built_at", firstBuilt);
      assertThat(info.value()).isEqualTo(1);
    });
    assertThat(before.value("jobcode_index_built_timestamp_seconds"))
        .isEqualTo(Instant.parse(firstBuilt).getEpochSecond());

    HttpResponse<String> swapped = send(server, "POST", "/admin/index",
        Json.MAPPER.createObjectNode().put("path", tmp.resolve("v2").toString()).toString(),
        "Authorization", "Bearer " + TOKEN);
    assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);

    Scrape after = scrape(server);
    assertThat(after.find("jobcode_index_info")).as("only the new version's series").singleElement()
        .satisfies(info -> {
          assertThat(info.labels()).containsEntry("version", "99.2").containsEntry("built_at", secondBuilt);
          assertThat(info.value()).isEqualTo(1);
        });
    assertThat(after.value("jobcode_index_built_timestamp_seconds"))
        .isEqualTo(Instant.parse(secondBuilt).getEpochSecond());
  }

  @Test
  void theAnswerCacheCountsHitsAndMissesAcrossASwapThatEmptiesIt() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    Classifier first = Fixtures.classifierAt(tmp.resolve("v1"), "99.1", encoder)
        .withAnswerCache(AnswerCache.ofMegabytes(1));
    Fixtures.classifierAt(tmp.resolve("v2"), "99.2", encoder).index().close();
    JobcodeServer server = start(first, ServerSettings.DEFAULT.withAdminToken(TOKEN));
    String nurse = "{\"title\": \"Nurse\"}";
    assertThat(post(server, "/v1/classify", nurse)).isEqualTo(200);
    assertThat(post(server, "/v1/classify", nurse)).isEqualTo(200);
    assertThat(post(server, "/v1/classify/batch", "{\"items\": [{\"title\": \"Nurse\"}, {\"title\": \"Welder\"}, "
        + "{\"title\": \"Welder\"}]}")).isEqualTo(200);
    Scrape s = scrape(server);
    assertThat(s.value("jobcode_answer_cache_requests_total", "result", "hit")).as("Nurse twice, Welder once")
        .isEqualTo(3);
    assertThat(s.value("jobcode_answer_cache_requests_total", "result", "miss")).isEqualTo(2);
    assertThat(s.value("jobcode_answer_cache_size")).isEqualTo(2);
    assertThat(s.value("jobcode_answer_cache_bytes")).isPositive();
    assertThat(s.value("jobcode_answer_cache_max_bytes")).isEqualTo(1 << 20);

    HttpResponse<String> swapped = send(server, "POST", "/admin/index",
        Json.MAPPER.createObjectNode().put("path", tmp.resolve("v2").toString()).toString(),
        "Authorization", "Bearer " + TOKEN);
    assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
    assertThat(scrape(server).value("jobcode_answer_cache_size")).as("the new index's cache starts empty").isZero();
    assertThat(post(server, "/v1/classify", nurse)).isEqualTo(200);
    Scrape after = scrape(server);
    assertThat(after.value("jobcode_answer_cache_requests_total", "result", "miss")).as("no old answer served")
        .isEqualTo(3);
    assertThat(after.value("jobcode_answer_cache_requests_total", "result", "hit")).isEqualTo(3);
  }

  @Test
  void refusalsCountA503AndMetricsAnswersWhileTheOnlySlotIsHeld() throws Exception {
    GatedEncoder encoder = new GatedEncoder();
    JobcodeServer server = start(Fixtures.classifierAt(tmp.resolve("a"), "99.1", encoder),
        ServerSettings.DEFAULT.withAdmission(1, Duration.ofMillis(200)));
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<Integer> slow = background.submit(() -> post(server, "/v1/classify", "{\"title\": \"slow nurse\"}"));
    background.shutdown();
    encoder.awaitSlowRequest();

    Scrape held = scrape(server);
    assertThat(held.value("jobcode_admission_in_flight")).isEqualTo(1);
    assertThat(held.value("jobcode_admission_slots")).isEqualTo(1);
    assertThat(held.value("jobcode_admission_refused_total", "reason", "capacity")).isZero();

    assertThat(post(server, "/v1/classify", "{\"title\": \"Electrician\"}")).isEqualTo(503);
    Scrape refused = scrapeAfter(server, 1);
    assertThat(refused.value("jobcode_admission_refused_total", "reason", "capacity")).isEqualTo(1);
    assertThat(refused.value("jobcode_admission_refused_total", "reason", "shutdown")).isZero();
    assertThat(refused.value(REQUESTS, "route", "/v1/classify", "status", "503")).isEqualTo(1);
    assertThat(refused.value("jobcode_admission_wait_seconds_count")).as("the slow request").isEqualTo(1);

    encoder.open();
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    Scrape done = scrapeAfter(server, 2);
    assertThat(done.value(REQUESTS, "route", "/v1/classify", "status", "200")).isEqualTo(1);
    assertThat(done.value("jobcode_admission_in_flight")).isZero();
  }

  @Test
  void theJvmMetersAreThereAndMetricsCanBeTurnedOff() throws Exception {
    Scrape s = scrape(start(Fixtures.classifier(), ServerSettings.DEFAULT));
    for (String name : new String[] {"jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
        "jvm_threads_live_threads", "jvm_classes_loaded_classes", "jvm_info", "process_uptime_seconds",
        "system_cpu_count"}) {
      assertThat(s.find(name)).as(name).isNotEmpty();
    }
    JobcodeServer off = start(Fixtures.classifier(), ServerSettings.DEFAULT.withMetrics(false));
    assertThat(get(off, "/metrics")).isEqualTo(404);
    assertThat(get(off, "/health")).isEqualTo(200);
  }
}
