package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.corpus.Cv;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.testing.Fixtures;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Candidate search and kNN vote over the fixture CVs, with the fake bag-of-words encoder. */
class CandidateSearchTest {
  private static final String NURSE = "ICU nurse: monitor patient vital signs and record patient care";

  private static CandidateSearch search() {
    return CandidateSearch.of(Fixtures.classifier(), Fixtures.pool());
  }

  @Test
  void aNurseCvsNearestCandidatesAreNurses() {
    List<CandidateSearch.Found> found = search().search(Fixtures.textQuery(NURSE, 5)).found();
    assertThat(found).hasSize(5);
    assertThat(found).allSatisfy(f -> assertThat(f.candidate().onetCode()).isEqualTo("29-1141.00"));
    assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    assertThat(found.get(0).snippet()).containsIgnoringCase("patient");
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(new CandidateFilter("47-2111.00", null, null, null, null), (Predicate<Cv>) cv -> cv.onetCode().equals("47-2111.00")),
        Arguments.of(new CandidateFilter(null, "43", null, null, null), (Predicate<Cv>) cv -> cv.majorGroup().equals("43")),
        Arguments.of(new CandidateFilter(null, null, "senior", null, null), (Predicate<Cv>) cv -> cv.level().equals("senior")),
        Arguments.of(new CandidateFilter(null, null, null, 10, null), (Predicate<Cv>) cv -> cv.years() >= 10),
        Arguments.of(new CandidateFilter(null, null, null, null, true), (Predicate<Cv>) Cv::it),
        Arguments.of(new CandidateFilter(null, "29", "lead", 8, false),
            (Predicate<Cv>) cv -> cv.majorGroup().equals("29") && cv.level().equals("lead") && cv.years() >= 8 && !cv.it()));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void everyFilterIsHonouredAndKResultsComeBackWheneverKMatch(CandidateFilter filter, Predicate<Cv> admits) {
    List<String> matching = Fixtures.cvs().stream().filter(admits).map(Cv::id).toList();
    assertThat(matching).isNotEmpty();
    // The query is about nurses, so most matches of other filters are far from it: the filter must
    // work inside the search, not on a short list of nearest CVs.
    int k = Math.min(12, matching.size());
    List<CandidateSearch.Found> found = search().search(new CandidateQuery(NURSE, null, k, filter)).found();
    assertThat(found).hasSize(k);
    assertThat(found).allSatisfy(f -> assertThat(matching).contains(f.candidate().id()));
    // Asking for more than match returns exactly the matches.
    List<CandidateSearch.Found> all =
        search().search(new CandidateQuery(NURSE, null, CandidateQuery.MAX_K, filter)).found();
    assertThat(all).hasSize(Math.min(CandidateQuery.MAX_K, matching.size()));
  }

  @Test
  void searchByIdFindsCandidatesLikeThatCvButNeverItself() {
    Candidate self = search().search(Fixtures.textQuery(NURSE, 1)).found().get(0).candidate();
    List<CandidateSearch.Found> found =
        search().search(new CandidateQuery(null, self.id(), 10, CandidateFilter.NONE)).found();
    assertThat(found).hasSize(10).noneMatch(f -> f.candidate().id().equals(self.id()));
    assertThat(found.get(0).candidate().onetCode()).isEqualTo(self.onetCode());
  }

  @Test
  void unknownIdsAndIndexesWithoutCvsAreClearErrors() {
    assertThatThrownBy(() -> search().search(new CandidateQuery(null, "nobody", 5, CandidateFilter.NONE)))
        .isInstanceOf(CandidateSearch.UnknownCandidateException.class).hasMessageContaining("nobody");
    CandidateSearch none = CandidateSearch.of(Fixtures.classifier(), null);
    assertThat(none.available()).isFalse();
    assertThatThrownBy(() -> none.search(Fixtures.textQuery(NURSE, 5)))
        .isInstanceOf(CandidateSearch.NoCandidatesException.class).hasMessageContaining("candidates add");
  }

  @Test
  void theVoteOfTheNearestCvsNamesTheOccupation() {
    CandidateSearch.Vote vote = search().vote(Fixtures.textQuery(NURSE, 15));
    assertThat(vote.occupations().get(0).value()).isEqualTo("29-1141.00");
    assertThat(vote.titles()).containsEntry("29-1141.00", "Registered Nurses");
    assertThat(vote.occupations().stream().mapToDouble(CandidateSearch.Share::share).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(vote.majorGroups().get(0).value()).isEqualTo("29");
    assertThat(vote.neighbours()).hasSize(15);
    assertThat(vote.itShare()).isLessThan(0.5);
    CandidateSearch.Vote developer = search().vote(Fixtures.textQuery("Software engineer: write and test computer program code", 15));
    assertThat(developer.occupations().get(0).value()).isEqualTo("15-1252.00");
    assertThat(developer.itShare()).isGreaterThan(0.5);
  }

  @Test
  void theSnippetIsTheLineThatSharesMostWordsWithTheQuery() {
    String cv = "Senior Electrician\nSkills: wiring, conduit\nExperience:\n- Electrician at Acme (3 years): Install lighting fixtures.";
    assertThat(CandidateSearch.snippet(cv, "lighting fixtures installer")).isEqualTo("Electrician at Acme (3 years): Install lighting fixtures.");
    assertThat(CandidateSearch.snippet(cv, "nothing shared")).isEqualTo("Senior Electrician");
    assertThat(CandidateSearch.snippet("x".repeat(500), "x")).hasSize(CandidateSearch.SNIPPET_CHARS);
  }

  @Test
  void queriesAreChecked() {
    assertThatThrownBy(() -> new CandidateQuery(null, null, 5, CandidateFilter.NONE)).hasMessageContaining("neither");
    assertThatThrownBy(() -> new CandidateQuery("a", "b", 5, CandidateFilter.NONE)).hasMessageContaining("both");
    assertThatThrownBy(() -> new CandidateQuery(" \t\n", null, 5, CandidateFilter.NONE)).hasMessageContaining("empty");
    assertThatThrownBy(() -> new CandidateQuery("a", null, 0, CandidateFilter.NONE)).hasMessageContaining("k must be");
    assertThatThrownBy(() -> new CandidateQuery("a", null, 101, CandidateFilter.NONE)).hasMessageContaining("k must be");
    assertThatThrownBy(() -> new CandidateQuery("x".repeat(20_001), null, 5, CandidateFilter.NONE)).hasMessageContaining("longer");
  }
}
