package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One title's answer goes uncompressed; a big batch is gzipped for a client that takes gzip. */
class CompressionTest {
  @RegisterExtension
  final LiveServers servers = new LiveServers();

  private static HttpResponse<byte[]> post(JobcodeServer server, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void smallAnswersAreSentAsTheyAreAndBigOnesGzipped() throws Exception {
    JobcodeServer server = servers.start(Fixtures.classifier(), ServerSettings.DEFAULT, line -> {});
    HttpResponse<byte[]> single = post(server, "/v1/classify", "{\"title\": \"ICU Nurse\", \"k\": 10}");
    assertThat(single.body().length).as("over Javalin's default threshold, 1,500 bytes").isGreaterThan(1500);
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(single.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(single.body(), StandardCharsets.UTF_8)).startsWith("{");

    String items = IntStream.range(0, 40).mapToObj(i -> "{\"title\": \"Electrician " + i + "\"}")
        .collect(Collectors.joining(", "));
    HttpResponse<byte[]> batch = post(server, "/v1/classify/batch", "{\"items\": [" + items + "]}");
    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(batch.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(batch.body().length).isLessThan(JobcodeServer.MIN_COMPRESSED_BYTES);
  }
}
