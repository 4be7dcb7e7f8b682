package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.classify.Query;

/**
 * Any bytes, sent to any endpoint (a CV added as JSON among them), are either decoded into a valid
 * query or refused with a 4xx:
 * no other exception escapes the decoding (it would be a 500), and none hangs. Bounded so that it
 * runs in the suite; the fuzzer's guidance steers it into JSON quickly.
 */
class RequestDecodingFuzzTest {
  @FuzzTest(maxExecutions = 500_000, maxDuration = "120s")
  void anyBodyIsAQueryOrA4xx(FuzzedDataProvider data) {
    int endpoint = data.consumeInt(0, 4);
    byte[] body = data.consumeRemainingAsBytes();
    try {
      JsonNode json = Requests.object(body);
      switch (endpoint) {
        case 0 -> {
          Query q = Requests.query(json);
          assertThat(q.textOnly() ? q.description() : q.title()).isNotBlank();
        }
        case 1 -> assertThat(Requests.batch(json, 256)).isNotEmpty().allSatisfy(q -> assertValid(q));
        case 2 -> assertThat(CandidateRequests.query(json, 15).k()).isBetween(1, 100);
        case 3 -> AdminController.swapPath(json);
        default -> assertThat(CandidateWriteController.cv(body).text()).isNotBlank();
      }
    } catch (ApiException e) {
      assertThat(e.status()).as(e.getMessage()).isBetween(400, 499);
      assertThat(e.getMessage()).isNotBlank();
    } catch (InvalidQueryException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void assertValid(Query q) {
    assertThat(q.title()).isNotBlank().doesNotContain("\u0000");
    assertThat(q.title().length()).isLessThanOrEqualTo(Query.MAX_TITLE_CHARS);
    assertThat(q.k()).isBetween(1, Query.MAX_K);
  }
}
