package dev.jobcode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.json.Json;
import dev.jobcode.opensearch.OpenSearchPool;
import dev.jobcode.opensearch.OpenSearchTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSearch cluster with the k-NN plugin on the loopback address, each node in its own JVM,
 * started by {@code tools/opensearch} in {@code target/opensearch-it}: one per test JVM, shared by
 * the tests that need it. It is stopped when the JVM ends, and its nodes stop by themselves if the
 * JVM is killed (they watch its pid).
 */
public final class OpenSearchCluster {
  public static final int NODES = 3;
  private static OpenSearchCluster shared;

  private final Path dir;
  private final List<URI> urls;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OpenSearchCluster(Path dir, List<URI> urls) {
    this.dir = dir;
    this.urls = urls;
  }

  /** The cluster of this JVM's tests, started on first use (about 20-40 s on two cores). */
  public static synchronized OpenSearchCluster shared() {
    if (shared == null) {
      Path dir = RealData.home().resolve("target/opensearch-it");
      int port = freeBasePort();
      String out = script(Duration.ofMinutes(6), "start", "--nodes", "" + NODES, "--port", "" + port, "--dir",
          dir.toString(), "--heap", "384m", "--owner-pid", "" + ProcessHandle.current().pid());
      List<URI> urls = java.util.Arrays.stream(out.strip().split(",")).map(URI::create).toList();
      shared = new OpenSearchCluster(dir, urls);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          script(Duration.ofMinutes(1), "stop", "--dir", dir.toString());
        } catch (RuntimeException e) {
          // the nodes also stop by themselves when this JVM is gone
        }
      }, "opensearch-stop"));
    }
    return shared;
  }

  /** Every node's URL, comma-separated, as {@code --opensearch-url} takes them. */
  public String urlList() {
    return String.join(",", urls.stream().map(URI::toString).toList());
  }

  public List<URI> urls() {
    return urls;
  }

  /**
   * A new pool {@code index} (3 shards, 1 replica) holding every CV of {@code source} with its
   * vector, as {@code jobcode candidates import} fills one; the caller closes it.
   */
  public OpenSearchPool copyOf(CandidateStore source, String index) {
    OpenSearchTarget target = OpenSearchTarget.of(urlList(), index).withLayout(3, 1, OpenSearchTarget.DEFAULT_EF_SEARCH);
    OpenSearchPool pool = OpenSearchPool.open(target, source.meta().model(), source.meta().hnsw());
    List<CandidateStore.Put> puts = source.list().stream()
        .map(e -> new CandidateStore.Put(e, source.vector(e.id()).orElseThrow(), false)).toList();
    if (!pool.put(puts).stream().allMatch(CandidateStore.PutResult::stored) || pool.size() != puts.size()) {
      pool.close();
      throw new IllegalStateException("the copy of " + source.location() + " into " + index + " is incomplete");
    }
    return pool;
  }

  public void stopNode(int node) {
    script(Duration.ofMinutes(1), "stop-node", "" + node, "--dir", dir.toString());
  }

  public void startNode(int node) {
    script(Duration.ofMinutes(3), "start-node", "" + node, "--dir", dir.toString());
  }

  /** The number (1-based) of the node that is the cluster manager now. */
  public int managerNode() {
    String name = get("/_cat/cluster_manager?format=json").get(0).path("node").asText();
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
  }

  /** Waits until the cluster is green with every node, or fails. */
  public JsonNode waitGreen() {
    JsonNode health = get("/_cluster/health?wait_for_status=green&wait_for_nodes=" + NODES + "&timeout=120s");
    if (!health.path("status").asText().equals("green") || health.path("timed_out").asBoolean()) {
      throw new IllegalStateException("the cluster did not turn green: " + health);
    }
    return health;
  }

  /** GET {@code path} of the first node that answers, as JSON. */
  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  public JsonNode send(String method, String path, String json) {
    IOException last = null;
    for (URI url : urls) {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofMinutes(3))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
          b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
      } catch (IOException e) {
        last = e;   // that node is down: ask the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no node of the cluster answered " + path, last);
  }

  private static String script(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(RealData.home().resolve("tools/opensearch").toString());
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("opensearch-script", ".log");
      Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
      }
      String err = Files.readString(log);
      Files.deleteIfExists(log);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + err);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run tools/opensearch: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A base port whose http (PORT..PORT+N-1) and transport (PORT+100..) ports are all free now. */
  private static int freeBasePort() {
    Random random = new Random();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + random.nextInt(20_000);
      if (free(base, NODES) && free(base + 100, NODES)) {
        return base;
      }
    }
    throw new IllegalStateException("no free ports for the OpenSearch cluster");
  }

  private static boolean free(int from, int count) {
    for (int port = from; port < from + count; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
