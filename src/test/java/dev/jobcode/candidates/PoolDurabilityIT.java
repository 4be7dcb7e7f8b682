package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.PoolFiles;
import dev.jobcode.testing.RealData;
import dev.jobcode.testing.ServeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's promises, kept by the real {@code jobcode serve} process with the real model: an
 * acknowledged add or delete survives SIGKILL; an erased CV's text leaves the pool's files within a
 * minute, and before a clean stop (SIGTERM) completes; writes and searches run side by side.
 */
class PoolDurabilityIT {
  private static final String TOKEN = "durability-test-write-token";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path tmp;

  private Path pool;
  private Path tokenFile;

  @BeforeEach
  void paths() throws IOException {
    pool = tmp.resolve("pool");
    tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
  }

  private ServeProcess serve() throws Exception {
    return ServeProcess.start(List.of("--index", RealData.index().toString(), "--models",
        RealData.home().resolve("models").toString(), "--pool", pool.toString(), "--write-token-file",
        tokenFile.toString(), "--no-metrics"));
  }

  record Answer(int status, JsonNode json) {}

  private Answer send(ServeProcess s, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body()));
  }

  private static String cv(String id, String text) {
    return Json.MAPPER.createObjectNode().put("id", id).put("text", text).toString();
  }

  @Test
  void anAcknowledgedAddAndDeleteSurviveAKill() throws Exception {
    try (ServeProcess s = serve()) {
      Answer add = send(s, "POST", "/v1/candidates", cv("kept", "Registered nurse on a cardiac ICU, 6 years."));
      assertThat(add.status()).as("%s", add.json()).isEqualTo(201);
      Answer doomed = send(s, "POST", "/v1/candidates", cv("doomed", "Welder: MIG and TIG welding, blueprints."));
      assertThat(doomed.status()).isEqualTo(201);
      s.kill();   // right after the answers: no shutdown hook, no close
    }
    try (ServeProcess s = serve()) {
      assertThat(send(s, "GET", "/v1/candidates/kept", null).status()).isEqualTo(200);
      assertThat(send(s, "DELETE", "/v1/candidates/doomed", null).status()).isEqualTo(200);
      s.kill();
    }
    try (ServeProcess s = serve()) {
      assertThat(send(s, "GET", "/v1/candidates/kept", null).json().get("text").asText()).contains("cardiac ICU");
      assertThat(send(s, "GET", "/v1/candidates/doomed", null).status()).isEqualTo(404);
      Answer search = send(s, "POST", "/v1/candidates/search", "{\"text\": \"TIG welder\", \"k\": 5}");
      assertThat(search.json().get("results")).extracting(r -> r.get("id").asText()).containsExactly("kept");
    }
  }

  @Test
  void anErasedTextLeavesThePoolsFilesWithinAMinuteAndBeforeACleanStopEnds() throws Exception {
    String first = PoolFiles.marker();
    String second = PoolFiles.marker();
    try (ServeProcess s = serve()) {
      assertThat(send(s, "POST", "/v1/candidates", cv("first", "Nurse " + first + ", ICU")).status()).isEqualTo(201);
      assertThat(send(s, "POST", "/v1/candidates", cv("second", "Welder " + second + ", TIG")).status()).isEqualTo(201);
      assertThat(PoolFiles.stored(pool, first)).as("the marker is stored once added").isTrue();
      Answer receipt = send(s, "DELETE", "/v1/candidates/first", null);
      assertThat(receipt.status()).isEqualTo(200);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (poolHolds(first) && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(poolHolds(first)).as("erased within a minute, the server still running").isFalse();
      assertThat(PoolFiles.stored(pool, second)).as("the other CV's text is still there").isTrue();

      assertThat(send(s, "DELETE", "/v1/candidates/second", null).status()).isEqualTo(200);
      // SIGTERM at once: the shutdown hook closes the pool, which merges; the JVM then exits 143 (128 + 15).
      assertThat(s.stop(Duration.ofSeconds(60))).isIn(0, 143);
    }
    assertThat(poolHolds(second)).as("erased before the clean stop ended").isFalse();
  }

  @Test
  void writesAndSearchesRunSideBySideWithoutErrors() throws Exception {
    try (ServeProcess s = serve()) {
      assertThat(send(s, "POST", "/v1/candidates", cv("same", "version zero: a nurse")).status()).isEqualTo(201);
      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        String who = "writer" + w;
        work.add(threads.submit(() -> {
          for (int i = 0; i < 15; i++) {
            Answer put = send(s, "PUT", "/v1/candidates/same", cv("same", who + " version " + i + ": a nurse"));
            Answer add = send(s, "POST", "/v1/candidates", cv(who + "-" + i, who + " extra CV " + i + " welder"));
            Answer del = send(s, "DELETE", "/v1/candidates/" + who + "-" + i, null);
            if (put.status() != 200 || add.status() != 201 || del.status() != 200) {
              errors.add(who + " " + i + ": " + put.status() + " " + add.status() + " " + del.status());
            }
          }
          return null;
        }));
      }
      for (int r = 0; r < 4; r++) {
        work.add(threads.submit(() -> {
          while (running.get()) {
            Answer a = send(s, "POST", "/v1/candidates/search", "{\"text\": \"nurse\", \"k\": 5}");
            Answer g = send(s, "GET", "/v1/candidates/same", null);
            if (a.status() != 200 || g.status() != 200 || !g.json().get("text").asText().endsWith(": a nurse")) {
              errors.add("search " + a.status() + ", get " + g.status() + " " + g.json());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work.subList(0, 2)) {
        f.get(5, TimeUnit.MINUTES);
      }
      running.set(false);
      for (Future<?> f : work) {
        f.get(1, TimeUnit.MINUTES);
      }
      threads.shutdown();
      assertThat(errors).isEmpty();
      assertThat(send(s, "GET", "/v1/candidates/same", null).json().get("text").asText())
          .matches("writer[01] version 14: a nurse");
      assertThat(send(s, "GET", "/v1/candidates?limit=10", null).json().get("total").asInt()).isEqualTo(1);
    }
  }

  private boolean poolHolds(String marker) throws IOException {
    return PoolFiles.hold(pool, marker);
  }
}
