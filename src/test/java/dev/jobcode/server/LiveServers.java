package dev.jobcode.server;

import dev.jobcode.classify.Classifier;
import dev.jobcode.index.CandidateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's servers on free loopback ports and the client that calls them; registered as an
 * extension ({@code @RegisterExtension}), it stops them after each test.
 */
final class LiveServers implements AfterEachCallback {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<JobcodeServer> started = new ArrayList<>();

  /** Serves {@code classifier}'s index until the test ends. */
  JobcodeServer start(Classifier classifier, ServerSettings settings, JobcodeServer.RequestLog log) {
    return start(classifier, null, settings, log);
  }

  /** Serves {@code classifier}'s index and {@code pool}'s CVs until the test ends. */
  JobcodeServer start(Classifier classifier, CandidateStore pool, ServerSettings settings, JobcodeServer.RequestLog log) {
    return start(new ServedIndex(classifier, pool), settings, log);
  }

  /** Serves {@code served} until the test ends. */
  JobcodeServer start(ServedIndex served, ServerSettings settings, JobcodeServer.RequestLog log) {
    JobcodeServer server = JobcodeServer.create(served, settings, log).start("127.0.0.1", 0);
    started.add(server);
    return server;
  }

  /** {@code method path}, with {@code json} as the body when not null, and header name, value pairs. */
  HttpResponse<String> send(JobcodeServer server, String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    started.forEach(JobcodeServer::stop);
    started.clear();
  }
}
