package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.skills.SkillDictionary;
import dev.jobcode.json.Json;
import dev.jobcode.testing.FakeEncoder;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.GatedEncoder;
import dev.jobcode.testing.OnetReleases;
import dev.jobcode.taxonomy.OnetLoader;
import dev.jobcode.taxonomy.TaxonomyDiff;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a real port under the conditions of production: more requests than it takes,
 * shutdown with requests in flight, index swaps under load and refused swaps, safe defaults.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerReliabilityTest {
  private static final String TOKEN = "a-test-token-of-some-length";

  @TempDir
  Path tmp;

  @RegisterExtension
  final LiveServers servers = new LiveServers();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  record Answer(int status, JsonNode json, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private JobcodeServer start(Classifier classifier, ServerSettings settings, JobcodeServer.RequestLog log) {
    return servers.start(classifier, settings, log);
  }

  private Answer send(JobcodeServer server, String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    HttpResponse<String> r = servers.send(server, method, path, json, headers);
    return new Answer(r.statusCode(), r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body()), r.headers().map());
  }

  private Answer classify(JobcodeServer server, String title) throws IOException, InterruptedException {
    return send(server, "POST", "/v1/classify", "{\"title\": \"" + title + "\"}");
  }

  private Answer swap(JobcodeServer server, Path dir) throws IOException, InterruptedException {
    return send(server, "POST", "/admin/index", Json.MAPPER.createObjectNode().put("path", dir.toString()).toString(),
        "Authorization", "Bearer " + TOKEN);
  }

  @Test
  void overCapacityRequestsAreRefusedWith503AndRetryAfterNotLeftHanging() throws Exception {
    GatedEncoder encoder = new GatedEncoder();
    JobcodeServer server = start(Fixtures.classifierAt(tmp.resolve("a"), "99.1", encoder),
        ServerSettings.DEFAULT.withAdmission(1, Duration.ofMillis(200)), line -> {});
    Future<Answer> slow = pool.submit(() -> classify(server, "slow nurse"));
    encoder.awaitSlowRequest();

    long t0 = System.nanoTime();
    Answer refused = classify(server, "Electrician");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("unavailable");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(send(server, "GET", "/health", null).status()).as("health is never queued").isEqualTo(200);

    encoder.open();
    assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(classify(server, "Electrician").status()).isEqualTo(200);
  }

  @Test
  void aBodyShorterThanItsContentLengthIs408NotAServerError() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    ServerSettings d = ServerSettings.DEFAULT;
    ServerSettings quickIdle = new ServerSettings(d.maxBodyBytes(), d.maxBatchItems(), d.maxInFlight(), d.queueTimeout(),
        Duration.ofMillis(500), d.drainTimeout(), List.of(), null, d.metrics(), null, d.maxUploadBytes());
    JobcodeServer server = start(Fixtures.classifier(), quickIdle, log::add);
    String head = "POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"title\": \"Nur";
    for (boolean hangUp : new boolean[] {true, false}) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        if (hangUp) {
          socket.shutdownOutput();   // the client is gone mid-upload
        }                            // else it stalls, and the idle time-out ends the wait
        String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).as(hangUp ? "hang-up" : "stall").startsWith("HTTP/1.1 408")
            .contains("\"code\":\"request_timeout\"").contains("Content-Length (100 bytes)");
      }
    }
    assertThat(log).as("logged as the client's error, never a 500").hasSize(2).allMatch(l -> l.contains(" 408 "));
  }

  @Test
  void shutdownFinishesTheRequestsInFlightAndRefusesNewOnes() throws Exception {
    GatedEncoder encoder = new GatedEncoder();
    JobcodeServer server = JobcodeServer.create(new ServedIndex(Fixtures.classifierAt(tmp.resolve("a"), "99.1", encoder), null),
        ServerSettings.DEFAULT, line -> {}).start("127.0.0.1", 0);
    Future<Answer> slow = pool.submit(() -> classify(server, "slow nurse"));
    encoder.awaitSlowRequest();
    Future<Boolean> stopped = pool.submit(server::stop);
    Thread.sleep(200);
    assertThat(stopped).isNotDone();
    Answer late = classify(server, "Electrician");
    assertThat(late.status()).isEqualTo(503);
    assertThat(late.json().at("/error/message").asText()).contains("shutting down");

    encoder.open();
    Answer finished = slow.get(10, TimeUnit.SECONDS);
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.json().at("/results/0/code").asText()).isNotEmpty();
    assertThat(stopped.get(10, TimeUnit.SECONDS)).as("drained").isTrue();
  }

  @Test
  void indexSwapsUnderLoadLoseNoRequestAndEveryAnswerAfterwardsShowsTheNewVersion() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    Path v1 = tmp.resolve("v1");
    Path v2 = tmp.resolve("v2");
    Classifier first = Fixtures.classifierAt(v1, "99.1", encoder);
    Fixtures.classifierAt(v2, "99.2", encoder).index().close();
    JobcodeServer server = start(first, ServerSettings.DEFAULT.withAdminToken(TOKEN), line -> {});

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    List<Future<?>> clients = new ArrayList<>();
    String[] titles = {"Registered Nurse", "Electrician", "Software Developer", "Cashier", "Truck Driver"};
    for (int c = 0; c < 8; c++) {
      int client = c;
      clients.add(pool.submit(() -> {
        for (int i = 0; running.get(); i++) {
          try {
            Answer a = (i + client) % 4 == 0
                ? send(server, "POST", "/v1/classify/batch", "{\"items\": [{\"title\": \"Nurse\"}, {\"title\": \"Welder\"}]}")
                : classify(server, titles[(i + client) % titles.length]);
            if (a.status() == 200) {
              ok.incrementAndGet();
              versionsSeen.add(a.json().at("/taxonomy/version").asText());
            } else {
              failures.add(a.status() + " " + a.json());
            }
          } catch (IOException | InterruptedException e) {
            failures.add(e.toString());
          }
        }
        return null;
      }));
    }
    for (int s = 0; s < 10; s++) {
      Thread.sleep(100);
      Answer swapped = swap(server, s % 2 == 0 ? v2 : v1);
      assertThat(swapped.status()).as(String.valueOf(swapped.json())).isEqualTo(200);
      assertThat(swapped.json().at("/taxonomy/version").asText()).isEqualTo(s % 2 == 0 ? "99.2" : "99.1");
    }
    Answer last = swap(server, v2);
    assertThat(last.json().at("/previous/version").asText()).isEqualTo("99.1");
    Thread.sleep(100);
    running.set(false);
    for (Future<?> f : clients) {
      f.get(30, TimeUnit.SECONDS);
    }
    assertThat(failures).isEmpty();
    assertThat(ok.get()).isGreaterThan(50);
    assertThat(versionsSeen).containsExactlyInAnyOrder("99.1", "99.2");
    assertThat(send(server, "GET", "/health", null).json().at("/taxonomy/version").asText()).isEqualTo("99.2");
    assertThat(classify(server, "Nurse").json().at("/taxonomy/version").asText()).isEqualTo("99.2");
    assertThat(send(server, "GET", "/v1/occupations/29-1141.00", null).json().at("/taxonomy/version").asText())
        .isEqualTo("99.2");
  }

  @Test
  void aSwapAnswersWithWhatChangedFromTheServedTaxonomyAndHealthNamesTheNewVersion() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    Path older = OnetReleases.older(tmp.resolve("onet"));
    Path newer = OnetReleases.newer(tmp.resolve("onet"));
    Classifier first = Fixtures.classifierOf(OnetLoader.load(older, Optional.empty()), older, tmp.resolve("v1"), encoder);
    Fixtures.classifierOf(OnetLoader.load(newer, Optional.empty()), newer, tmp.resolve("v2"), encoder).index().close();
    JobcodeServer server = start(first, ServerSettings.DEFAULT.withAdminToken(TOKEN), line -> {});
    assertThat(send(server, "GET", "/health", null).json().at("/taxonomy/version").asText()).isEqualTo("98.1");

    Answer swapped = swap(server, tmp.resolve("v2"));
    assertThat(swapped.status()).as(String.valueOf(swapped.json())).isEqualTo(200);
    JsonNode changes = swapped.json().get("changes");
    assertThat(changes.at("/from/version").asText()).isEqualTo("98.1");
    assertThat(changes.at("/to/version").asText()).isEqualTo("98.2");
    assertThat(changes.at("/counts/added").asInt()).isEqualTo(1);
    assertThat(changes.at("/counts/removed").asInt()).isEqualTo(1);
    assertThat(changes.at("/retitled/0/new_title").asText()).isEqualTo("Software Engineers");
    assertThat(changes.at("/redescribed/0/code").asText()).isEqualTo("29-1141.00");
    assertThat(changes.at("/texts/0/alternate_titles_added/0").asText()).isEqualTo("Developer");
    assertThat(changes).as("the same summary as the command line's")
        .isEqualTo(Json.MAPPER.valueToTree(TaxonomyDiff.between(OnetLoader.load(older, Optional.empty()),
            OnetLoader.load(newer, Optional.empty()))));
    assertThat(send(server, "GET", "/health", null).json().at("/taxonomy/version").asText()).isEqualTo("98.2");
    assertThat(classify(server, "Truck Driver").json().at("/taxonomy/version").asText()).isEqualTo("98.2");

    Answer back = swap(server, tmp.resolve("v1"));
    assertThat(back.json().at("/changes/added/0/code").asText()).isEqualTo("47-2111.00");
    assertThat(back.json().at("/changes/removed/0/code").asText()).isEqualTo("53-3032.00");
    assertThat(send(server, "GET", "/health", null).json().at("/taxonomy/version").asText()).isEqualTo("98.1");
  }

  @Test
  void aMissingCorruptIncompleteOrForeignIndexIsRefusedAndTheOldOneKeepsServing() throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    JobcodeServer server = start(Fixtures.classifierAt(tmp.resolve("good"), "99.1", encoder),
        ServerSettings.DEFAULT.withAdminToken(TOKEN), line -> {});

    Path corrupt = tmp.resolve("corrupt");
    Fixtures.classifierAt(corrupt, "99.2", encoder).index().close();
    try (Stream<Path> files = Files.list(corrupt.resolve(IndexBuilder.ONET_DIR))) {
      Path largest = files.max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
      byte[] bytes = Files.readAllBytes(largest);
      Files.write(largest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }
    Path incomplete = tmp.resolve("incomplete");
    Fixtures.classifierAt(incomplete, "99.2", encoder).index().close();
    Files.delete(incomplete.resolve(IndexBuilder.OCCUPATIONS_FILE));
    Path brokenSkills = tmp.resolve("broken-skills");   // read after the rest, and still before the swap
    Fixtures.classifierAt(brokenSkills, "99.2", encoder).index().close();
    Files.writeString(brokenSkills.resolve(SkillDictionary.FILE_NAME), "{\"format\": ");
    Path foreign = tmp.resolve("foreign");
    FakeEncoder other = new FakeEncoder(new ModelInfo("other-model", "1".repeat(64), 64, "mean"), Integer.MAX_VALUE);
    Fixtures.classifierAt(foreign, "99.2", other).index().close();

    Map<Path, String> expected = Map.of(tmp.resolve("nowhere"), "no jobcode index", corrupt, "rebuild",
        incomplete, "cannot read", foreign, "other-model", brokenSkills, "cannot read the skills");
    for (Map.Entry<Path, String> e : expected.entrySet()) {
      Answer refused = swap(server, e.getKey());
      assertThat(refused.status()).as(e.getKey().toString()).isEqualTo(422);
      assertThat(refused.json().at("/error/code").asText()).isEqualTo("index_refused");
      assertThat(refused.json().at("/error/message").asText()).containsIgnoringCase(e.getValue())
          .contains("still serving 99.1").doesNotContain("Exception");
      assertThat(classify(server, "Registered Nurse").json().at("/taxonomy/version").asText()).isEqualTo("99.1");
    }
    assertThat(send(server, "POST", "/admin/index", "{}", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(400);
    assertThat(send(server, "POST", "/admin/index", "{\"path\": 3}", "Authorization", "Bearer " + TOKEN).status())
        .isEqualTo(400);
  }

  @Test
  void theAdminEndpointDoesNotExistWithoutATokenAndDemandsIt() throws Exception {
    JobcodeServer closed = start(Fixtures.classifier(), ServerSettings.DEFAULT, line -> {});
    Answer absent = send(closed, "POST", "/admin/index", "{\"path\": \"x\"}", "Authorization", "Bearer " + TOKEN);
    assertThat(absent.status()).isEqualTo(404);
    assertThat(absent.json().at("/error/code").asText()).isEqualTo("not_found");

    JobcodeServer open = start(Fixtures.classifier(), ServerSettings.DEFAULT.withAdminToken(TOKEN), line -> {});
    for (String[] auth : new String[][] {{}, {"Authorization", "Bearer wrong-token-wrong-token"},
        {"Authorization", "Basic " + TOKEN}, {"Authorization", "Bearer " + TOKEN + "x"}}) {
      Answer denied = send(open, "POST", "/admin/index", "{\"path\": \"x\"}", auth);
      assertThat(denied.status()).as(String.join(" ", auth)).isEqualTo(401);
      assertThat(denied.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
    assertThat(send(open, "POST", "/admin/index", "{\"path\": \"x\"}", "Authorization", "Bearer " + TOKEN).status())
        .as("the right token gets as far as the path").isEqualTo(422);
  }

  @Test
  void safeDefaults() {
    ServerSettings d = ServerSettings.DEFAULT;
    assertThat(d.corsOrigins()).isEmpty();
    assertThat(d.adminEnabled()).isFalse();
    assertThat(d.withAdminToken(TOKEN).toString()).doesNotContain(TOKEN);
    assertThat(d.idleTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(d.queueTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withAdminToken("short"))
        .hasMessageContaining("at least 16");
  }

  @Test
  void corsHeadersOnlyForConfiguredOrigins() throws Exception {
    JobcodeServer plain = start(Fixtures.classifier(), ServerSettings.DEFAULT, line -> {});
    assertThat(send(plain, "GET", "/health", null, "Origin", "https://ats.example.com")
        .header("Access-Control-Allow-Origin")).isNull();

    JobcodeServer cors = start(Fixtures.classifier(),
        ServerSettings.DEFAULT.withCorsOrigins(List.of("https://ats.example.com")), line -> {});
    assertThat(send(cors, "GET", "/health", null, "Origin", "https://ats.example.com")
        .header("Access-Control-Allow-Origin")).isEqualTo("https://ats.example.com");
    assertThat(send(cors, "GET", "/health", null, "Origin", "https://evil.example.com")
        .header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void requestLogsRecordEachRequestButNeverItsBody() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    JobcodeServer server = servers.start(Fixtures.classifier(), Fixtures.pool(), ServerSettings.DEFAULT, log::add);
    String secret = "Jane Roe, 12 Secret Street, jane.roe@example.com, seven years of intensive care nursing";
    assertThat(send(server, "POST", "/v1/candidates/search",
        Json.MAPPER.createObjectNode().put("text", secret).toString()).status()).isEqualTo(200);
    assertThat(send(server, "POST", "/v1/classify", "{\"title\": \"Registered Nurse " + secret + "\"}").status())
        .isEqualTo(200);
    assertThat(send(server, "POST", "/v1/classify", "{\"title\": 3, \"description\": \"" + secret + "\"}").status())
        .isEqualTo(400);
    assertThat(log).hasSize(3);
    assertThat(log.get(0)).startsWith("POST /v1/candidates/search 200 ");
    assertThat(log.get(2)).startsWith("POST /v1/classify 400 ");
    assertThat(String.join("\n", log)).doesNotContain("Jane").doesNotContain("Secret").doesNotContain("nursing");
  }
}
