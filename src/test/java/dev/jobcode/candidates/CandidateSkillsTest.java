package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.Query;
import dev.jobcode.corpus.Cv;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.PooledCv;
import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.skills.SkillMatch;
import dev.jobcode.testing.Fixtures;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skills in the pool: found at intake, filtered on inside the search, and given as a reason in results. */
class CandidateSkillsTest {
  @TempDir
  Path tmp;

  private CandidatePool pool;

  private static Cv cv(String id, String code, String text) {
    return new Cv(id, null, null, code, null, null, null, null, null, null, null, null, text);
  }

  @BeforeEach
  void pool() {
    pool = Fixtures.newPool(tmp.resolve("pool"), List.of(
        cv("nurse", "29-1141.00", "Registered nurse. Charting in Epic Systems, rosters in Excel (pivot tables). "
            + "Stethoscopes and IV pumps."),
        cv("full", "15-1252.00", "Software developer: Python, Java and SQL for web applications."),
        cv("python", "15-1252.00", "Software developer: Python for web applications."),
        cv("sparks", "47-2111.00", "Electrician: wiring, conduit, multimeters. I go the extra mile and excel at safety.")));
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private static List<String> names(PooledCv e) {
    return e.skillsFound().stream().map(SkillMatch::name).toList();
  }

  @Test
  void everyCvCarriesTheSkillsItNamesWithWhere() {
    PooledCv nurse = pool.get("nurse").orElseThrow();
    assertThat(names(nurse)).containsExactly("Epic Systems", "Microsoft Excel", "Stethoscopes");
    SkillMatch excel = nurse.skillsFound().get(1);
    assertThat(nurse.cv().text().substring(excel.found().get(0).start(), excel.found().get(0).end())).isEqualTo("Excel");
    assertThat(excel.hot()).isTrue();
    // "excel at safety" is the verb, not the spreadsheet.
    assertThat(names(pool.get("sparks").orElseThrow())).containsExactly("Multimeters");
  }

  @Test
  void theSkillsFilterAdmitsOnlyCvsNamingThemAllAndResultsSayWhyTheyAreNear() {
    CandidateSearch search = CandidateSearch.of(Fixtures.classifier(), pool);
    CandidateFilter both = CandidateFilter.NONE.withSkills(List.of("Python", "Structured query language SQL"));
    CandidateSearch.Results r = search.search(new CandidateQuery("Python and SQL developer", null, 10, both));
    assertThat(r.found()).extracting(f -> f.candidate().id()).containsExactly("full");
    assertThat(r.query().skills()).containsExactly("Python", "Structured query language SQL");
    assertThat(r.found().get(0).sharedSkills()).containsExactly("Python", "Structured query language SQL");

    CandidateSearch.Results byId = search.search(new CandidateQuery(null, "python", 10,
        CandidateFilter.NONE.withSkills(List.of("Python"))));
    assertThat(byId.query().onetCode()).isEqualTo("15-1252.00");
    assertThat(byId.found()).singleElement().satisfies(f -> {
      assertThat(f.candidate().id()).isEqualTo("full");
      assertThat(f.sameOccupation()).isTrue();
      assertThat(f.sharedSkills()).containsExactly("Python");
    });
  }

  @Test
  void overHttpSkillsAreFilteredAsPeopleWriteThemAndClassifyAnswersNameThem() {
    JavalinTest.test(JobcodeServer.create(Fixtures.classifier(), pool, Fixtures.smallLimits()).javalin(),
        (server, client) -> {
          JsonNode found = post(client, "/v1/candidates/search",
              "{\"text\": \"developer\", \"filters\": {\"skills\": [\"python\", \"sql\"]}}", 200);
          assertThat(found.get("results")).extracting(n -> n.get("id").asText()).containsExactly("full");
          assertThat(found.at("/results/0/shared_skills")).isNotNull();
          JsonNode unknown = post(client, "/v1/candidates/search",
              "{\"text\": \"developer\", \"filters\": {\"skills\": [\"Cobolx Enterprise\"]}}", 400);
          assertThat(unknown.at("/error/message").asText()).contains("Cobolx Enterprise");
          post(client, "/v1/candidates/search", "{\"text\": \"developer\", \"filters\": {\"skills\": \"Python\"}}", 400);

          JsonNode answer = post(client, "/v1/classify",
              "{\"title\": \"Nurse\", \"description\": \"Charting in Epic Systems; rosters in Excel spreadsheets\"}", 200);
          assertThat(answer.get("skills")).extracting(n -> n.get("name").asText())
              .containsExactly("Epic Systems", "Microsoft Excel");
          assertThat(answer.at("/skills/0/found/0/start").asInt()).isEqualTo("Charting in ".length());
          assertThat(post(client, "/v1/classify", "{\"title\": \"Nurse\"}", 200).has("skills")).isFalse();
          JsonNode text = post(client, "/v1/classify", "{\"text\": \"Python and SQL developer\"}", 200);
          assertThat(text.get("skills")).hasSize(2);
          assertThat(text.at("/query/text").asText()).isEqualTo("Python and SQL developer");
        });
  }

  @Test
  void aTextAloneIsClassifiedWithoutATitle() {
    var answer = Fixtures.classifier().classify(Query.ofText("Install and repair wiring and electrical systems", 3,
        dev.jobcode.classify.Mode.DEFAULT));
    assertThat(answer.query().textOnly()).isTrue();
    assertThat(answer.results()).isNotEmpty();
    assertThat(answer.results().get(0).occupation().code()).isEqualTo("47-2111.00");
  }

  private static JsonNode post(io.javalin.testtools.HttpClient client, String path, String json, int status)
      throws Exception {
    try (Response r = client.request(path, b -> b.post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8),
        MediaType.get("application/json"))))) {
      String raw = r.body().string();
      assertThat(r.code()).as(raw).isEqualTo(status);
      return Json.MAPPER.readTree(raw);
    }
  }
}
