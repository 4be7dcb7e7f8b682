package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.json.Json;
import dev.jobcode.testing.Fixtures;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's shell, assets and headers, and the two API calls only the page needs. */
class WebPageTest {
  private static Javalin app() {
    return JobcodeServer.create(Fixtures.classifier(), Fixtures.smallLimits()).javalin();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/batch", "/occupations/29-1141.00", "/candidates", "/candidates/cv-00001"})
  void everyViewIsTheShellUnderAStrictContentSecurityPolicy(String path) {
    JavalinTest.test(app(), (server, client) -> {
      try (Response r = client.get(path)) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
            .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String html = r.body().string();
        assertThat(html).contains("<script type=\"module\" src=\"/assets/app.js\"></script>")
            .doesNotContain("<script>").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
      }
    });
  }

  @Test
  void theAssetsComeFromTheJarWithTheSameHeaders() {
    JavalinTest.test(app(), (server, client) -> {
      for (String asset : new String[] {"/assets/app.js", "/assets/style.css", "/assets/favicon.svg"}) {
        try (Response r = client.get(asset)) {
          assertThat(r.code()).as(asset).isEqualTo(200);
          assertThat(r.header("Content-Security-Policy")).as(asset).isEqualTo(WebPage.CSP);
          assertThat(r.body().string()).as(asset).isNotBlank();
        }
      }
      try (Response r = client.get("/assets/app.js")) {
        // The page inserts API text only as text nodes.
        assertThat(r.body().string()).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML")
            .doesNotContain("document.write").doesNotContain("eval(");
      }
    });
  }

  @Test
  void theVocabularyListsMajorGroupsLevelsAndModes() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode v = json(client.get("/v1/vocabulary"));
      assertThat(v.get("major_groups")).hasSize(23);
      assertThat(v.at("/major_groups/9/code").asText()).isEqualTo("29");
      assertThat(v.at("/major_groups/9/title").asText()).isEqualTo("Healthcare Practitioners and Technical Occupations");
      assertThat(v.get("levels").toString()).isEqualTo("[\"intern\",\"junior\",\"specialist\",\"senior\",\"lead\","
          + "\"manager\",\"director\",\"vp\",\"c-level\",\"owner\"]");
      assertThat(v.get("modes").toString()).contains("vote");
    });
  }

  @Test
  void aFileOfTitlesIsClassifiedRowByRowAsTheCliDoes() {
    JavalinTest.test(app(), (server, client) -> {
      String tsv = "title\tnote\n\"Graphic & Web Designer\" Executive\tquote at the start\nSenior \"Lead\" Nurse\tx\n"
          + "12\" Saw Operator\tunbalanced\n \ty\n";
      JsonNode a = json(upload(client, "/v1/classify/file?name=q.tsv&k=2", tsv));
      assertThat(a.get("header").toString()).startsWith("[\"title\",\"note\",\"onet_code\",\"onet_title\",\"score\"");
      assertThat(a.get("rows")).hasSize(4);
      assertThat(a.at("/rows/0/0").asText()).isEqualTo("\"Graphic & Web Designer\" Executive");
      assertThat(a.at("/rows/1/2").asText()).isEqualTo("29-1141.00");
      assertThat(a.at("/rows/3/2").asText()).as("an empty title is kept, unanswered").isEmpty();
      assertThat(a.get("skipped").toString()).isEqualTo("[5]");
      assertThat(a.at("/taxonomy/version").asText()).isEqualTo("99.1");
    });
  }

  @Test
  void aFileTheReaderRefusesIsA400ThatSaysWhereAndABigOneA413() {
    JavalinTest.test(app(), (server, client) -> {
      assertError(upload(client, "/v1/classify/file?name=q.csv", "title,note\n\"Graphic & Web Designer\" Executive,x\n"),
          400, "q.csv line 2, column 26");
      assertError(upload(client, "/v1/classify/file", "title\nNurse\n"), 400, "name must give the file's name");
      assertError(upload(client, "/v1/classify/file?name=q.csv&k=0", "title\nNurse\n"), 400, "k must be a whole number 1..50");
      assertError(upload(client, "/v1/classify/file?name=q.csv", "job\nNurse\n"), 400, "no column 'title'");
      assertError(upload(client, "/v1/classify/file?name=../../etc/q.csv", "job\nNurse\n"), 400, "q.csv: no column");
      String big = "title\n" + "Nurse\n".repeat(ClassifyController.MAX_FILE_ROWS + 1);
      assertError(upload(client, "/v1/classify/file?name=big.csv", big), 413, "at most 5000 are classified here");
    });
  }

  private static Response upload(HttpClient client, String path, String body) {
    return client.request(path, b -> b.post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8),
        MediaType.get("application/octet-stream"))));
  }

  private static JsonNode json(Response r) throws IOException {
    try (r) {
      assertThat(r.code()).isEqualTo(200);
      return Json.MAPPER.readTree(r.body().string());
    }
  }

  private static void assertError(Response r, int status, String message) throws IOException {
    try (r) {
      String raw = r.body().string();
      assertThat(r.code()).as(raw).isEqualTo(status);
      assertThat(Json.MAPPER.readTree(raw).at("/error/message").asText()).as(raw).contains(message);
    }
  }
}
