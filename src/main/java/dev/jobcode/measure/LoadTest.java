package dev.jobcode.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.classify.Classifier;
import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A bounded load: {@code clients} threads send requests back to back for a fixed time, every
 * {@code batchEvery}-th a batch of {@value #BATCH_ITEMS} titles and the rest single titles, each
 * with a client-side time-out so that a hanging request counts as an error rather than hanging the
 * test. Counts every status, error and taxonomy version seen.
 */
public final class LoadTest {
  public static final int BATCH_ITEMS = 8;
  /** A request without an answer after this long is an error. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  /** The load before the measured run against a server of its own, at most. */
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final int ERRORS_KEPT = 10;

  private final String base;
  private final List<String> titles;
  private final int clients;
  private final OkHttpClient client;

  public LoadTest(String baseUrl, List<String> titles, int clients) {
    if (titles.size() < BATCH_ITEMS) {
      throw new IllegalArgumentException("need at least " + BATCH_ITEMS + " titles");
    }
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.titles = List.copyOf(titles);
    this.clients = clients;
    this.client = HttpClients.keepAlive(clients, CALL_TIMEOUT);
  }

  /**
   * Against a server of its own over {@code classifier} on 127.0.0.1: a warm-up (at most
   * {@link #WARM_UP}), then the run, with the heap in use after a collection before and after it.
   */
  public static LoadReport onOwnServer(Classifier classifier, List<String> titles, int clients, Duration duration,
                                       int batchEvery) throws InterruptedException {
    JobcodeServer server = JobcodeServer.create(classifier, ServerSettings.DEFAULT).start("127.0.0.1", 0);
    try {
      LoadTest load = new LoadTest("http://127.0.0.1:" + server.port(), titles, clients);
      load.run(duration.compareTo(WARM_UP) < 0 ? duration : WARM_UP, batchEvery);
      long before = Heap.usedAfterGc();
      LoadReport report = load.run(duration, batchEvery);
      return report.withHeap(before, Heap.usedAfterGc(), Heap.peak());
    } finally {
      server.stop();
    }
  }

  /** Runs the clients for {@code duration}; no request starts after it. */
  public LoadReport run(Duration duration, int batchEvery) throws InterruptedException {
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
    } catch (ExecutionException e) {
      throw new IllegalStateException("a load client failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return merge(seconds, workers);
  }

  private LoadReport merge(double seconds, List<Worker> workers) {
    Latencies single = new Latencies();
    Latencies batch = new Latencies();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> versions = new TreeMap<>();
    List<String> firstErrors = new ArrayList<>();
    int requests = 0;
    int answered = 0;
    int errors = 0;
    for (Worker w : workers) {
      w.single.addAll(single);
      w.batch.addAll(batch);
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
      w.versions.forEach((k, v) -> versions.merge(k, v, Integer::sum));
      requests += w.requests;
      answered += w.answered;
      errors += w.errors;
      w.firstErrors.stream().limit(ERRORS_KEPT - firstErrors.size()).forEach(firstErrors::add);
    }
    return LoadReport.of(clients, seconds, requests, answered, errors, statuses, versions, firstErrors, single, batch);
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
      var request = HttpClients.postJson(base + path, body.toString().getBytes(StandardCharsets.UTF_8));
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
