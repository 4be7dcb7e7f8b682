package dev.jobcode.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import okhttp3.Response;

/** The bench's HTTP client against its own server on 127.0.0.1, with keep-alive connections. */
final class HttpBench {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final OkHttpClient client;
  private final String classify;
  private final String batch;

  /** @param clients the most clients that will send at once (the connections kept alive) */
  HttpBench(int port, int clients) {
    client = HttpClients.keepAlive(clients, TIMEOUT);
    classify = "http://127.0.0.1:" + port + "/v1/classify";
    batch = "http://127.0.0.1:" + port + "/v1/classify/batch";
  }

  void classify(String title) {
    post(classify, Map.of("title", title));
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
    byte[] json;
    try {
      json = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    try (Response response = client.newCall(HttpClients.postJson(url, json)).execute()) {
      byte[] answer = response.body().bytes();
      if (response.code() != 200) {
        throw new IllegalStateException("HTTP " + response.code() + " from " + url + ": "
            + new String(answer, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
