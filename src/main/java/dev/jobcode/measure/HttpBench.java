package dev.jobcode.measure;

import dev.jobcode.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The bench's HTTP client against its own server on 127.0.0.1, with keep-alive connections. */
final class HttpBench {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final OkHttpClient client;
  private final String classify;
  private final String batch;
  private final String health;

  /** @param clients the most clients that will send at once (the connections kept alive) */
  HttpBench(int port, int clients) {
    client = HttpClients.keepAlive(clients, TIMEOUT);
    classify = "http://127.0.0.1:" + port + "/v1/classify";
    batch = "http://127.0.0.1:" + port + "/v1/classify/batch";
    health = "http://127.0.0.1:" + port + "/health";
  }

  void classify(String title) {
    post(classify, Map.of("title", title));
  }

  /** {@code GET /health}: a round trip that does almost no work, the HTTP path's own cost. */
  void health() {
    call(new Request.Builder().url(health).get().build());
  }

  void batch(List<String> titles) {
    post(batch, Map.of("items", titles.stream().map(t -> Map.of("title", t)).toList()));
  }

  /** Titles per second when {@code clients} threads send single-title requests until all are sent. */
  double concurrentSingles(List<String> titles, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < titles.size(); i = next.getAndIncrement()) {
            classify(titles.get(i));
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return titles.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private void post(String url, Object body) {
    call(HttpClients.postJson(url, Json.bytes(body)));
  }

  private void call(Request request) {
    try (Response response = client.newCall(request).execute()) {
      byte[] answer = response.body().bytes();
      if (response.code() != 200) {
        throw new IllegalStateException("HTTP " + response.code() + " from " + request.url() + ": "
            + new String(answer, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
