package dev.jobcode.cli;

import dev.jobcode.server.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain JDK HTTP client against the bench's own server on 127.0.0.1. */
final class HttpBench {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI classify;
  private final URI batch;

  HttpBench(int port) {
    classify = URI.create("http://127.0.0.1:" + port + "/v1/classify");
    batch = URI.create("http://127.0.0.1:" + port + "/v1/classify/batch");
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

  private void post(URI uri, Object body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Api.JSON.writeValueAsBytes(body))).build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri + ": "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
