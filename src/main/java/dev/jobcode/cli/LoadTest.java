package dev.jobcode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A bounded load: {@code clients} threads send requests back to back for a fixed time, every
 * {@code batchEvery}-th a batch of {@value #BATCH_ITEMS} titles and the rest single titles, each
 * with a client-side time-out so that a hanging request counts as an error rather than hanging the
 * test. Counts every status, error and taxonomy version seen.
 */
final class LoadTest {
  static final int BATCH_ITEMS = 8;
  /** A request without an answer after this long is an error. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int ERRORS_KEPT = 10;

  /** What a run saw. */
  record Report(int clients, double seconds, int requests, int titles, Map<Integer, Integer> statuses,
                int errors, List<String> firstErrors, Map<String, Integer> versions,
                double singleP50, double singleP99, double batchP50, double batchP99) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    double titlesPerSecond() {
      return titles / seconds;
    }

    ObjectNode toJson() {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("clients", clients).put("seconds", BenchCommand.round(seconds)).put("requests", requests)
          .put("titles", titles).put("errors", errors)
          .put("requests_per_s", BenchCommand.round(requestsPerSecond()))
          .put("titles_per_s", BenchCommand.round(titlesPerSecond()))
          .put("single_p50_ms", BenchCommand.round(singleP50)).put("single_p99_ms", BenchCommand.round(singleP99))
          .put("batch_p50_ms", BenchCommand.round(batchP50)).put("batch_p99_ms", BenchCommand.round(batchP99));
      ObjectNode s = n.putObject("statuses");
      statuses.forEach((code, count) -> s.put(String.valueOf(code), count));
      ObjectNode v = n.putObject("versions");
      versions.forEach(v::put);
      firstErrors.forEach(n.putArray("first_errors")::add);
      return n;
    }
  }

  private final String base;
  private final List<String> titles;
  private final OkHttpClient client;

  LoadTest(String baseUrl, List<String> titles, int clients) {
    if (titles.size() < BATCH_ITEMS) {
      throw new IllegalArgumentException("need at least " + BATCH_ITEMS + " titles");
    }
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.titles = List.copyOf(titles);
    this.client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(clients, 1, TimeUnit.MINUTES))
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  /** Runs {@code clients} threads for {@code duration}; no request starts after it. */
  Report run(int clients, Duration duration, int batchEvery) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long end = System.nanoTime() + duration.toNanos();
    List<Worker> workers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Worker w = new Worker();
        workers.add(w);
        running.add(pool.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            boolean batch = batchEvery > 0 && i % batchEvery == batchEvery - 1;
            w.send(batch, next.getAndAdd(batch ? BATCH_ITEMS : 1));
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a load client failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return merge(clients, seconds, workers);
  }

  private static Report merge(int clients, double seconds, List<Worker> workers) {
    Latencies single = new Latencies();
    Latencies batch = new Latencies();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> versions = new TreeMap<>();
    List<String> firstErrors = new ArrayList<>();
    int requests = 0;
    int titles = 0;
    int errors = 0;
    for (Worker w : workers) {
      w.single.addAll(single);
      w.batch.addAll(batch);
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
      w.versions.forEach((k, v) -> versions.merge(k, v, Integer::sum));
      requests += w.requests;
      titles += w.answered;
      errors += w.errors;
      w.firstErrors.stream().limit(ERRORS_KEPT - firstErrors.size()).forEach(firstErrors::add);
    }
    return new Report(clients, seconds, requests, titles, statuses, errors, firstErrors, versions,
        single.percentile(50), single.percentile(99), batch.percentile(50), batch.percentile(99));
  }

  /** One client's counts; touched by its own thread only. */
  private final class Worker {
    final Latencies single = new Latencies();
    final Latencies batch = new Latencies();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> versions = new TreeMap<>();
    final List<String> firstErrors = new ArrayList<>();
    int requests;
    int answered;
    int errors;

    void send(boolean isBatch, int from) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      String path;
      if (isBatch) {
        path = "/v1/classify/batch";
        var items = body.putArray("items");
        for (int j = 0; j < BATCH_ITEMS; j++) {
          items.addObject().put("title", title(from + j));
        }
      } else {
        path = "/v1/classify";
        body.put("title", title(from));
      }
      Request request = new Request.Builder().url(base + path)
          .post(RequestBody.create(body.toString(), JSON)).build();
      long t0 = System.nanoTime();
      requests++;
      try (Response response = client.newCall(request).execute()) {
        String answer = response.body().string();
        (isBatch ? batch : single).add(System.nanoTime() - t0);
        statuses.merge(response.code(), 1, Integer::sum);
        if (response.code() == 200) {
          answered += isBatch ? BATCH_ITEMS : 1;
          JsonNode json = Json.MAPPER.readTree(answer);
          versions.merge(json.at("/taxonomy/version").asText("?"), 1, Integer::sum);
        } else {
          error("HTTP " + response.code() + " " + path + ": " + answer);
        }
      } catch (IOException e) {
        error(path + ": " + e);
      }
    }

    private String title(int i) {
      return titles.get(Math.floorMod(i, titles.size()));
    }

    private void error(String message) {
      errors++;
      if (firstErrors.size() < ERRORS_KEPT) {
        firstErrors.add(message.length() > 300 ? message.substring(0, 300) + "…" : message);
      }
    }
  }
}
