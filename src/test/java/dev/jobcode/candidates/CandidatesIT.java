package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.index.CandidateFilter;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.RealData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate search and vote with the real model over generated CVs from O*NET 30.0. */
class CandidatesIT {
  private static final String NURSE_CV = """
      Registered Nurse
      Registered nurse with 6 years on a cardiac ward. Monitor patients' vital signs, administer medications
      and record patient care; develop nursing care plans and teach patients and families about discharge.
      Skills: Epic Systems, electronic medical records, IV pumps
      Experience:
      - Staff Nurse at City Hospital (4 years): Assess patient health problems and needs, develop and
        implement nursing care plans.
      - Registered Nurse at Care Clinic (2 years): Administer medications to patients and monitor patients
        for reactions.
      """;

  private static CandidateSearch search() {
    return CandidateSearch.of(RealData.classifier(), RealData.pool());
  }

  @Test
  void aNurseCvsNearestCandidatesAreNurses() {
    List<CandidateSearch.Found> found = search().search(Fixtures.textQuery(NURSE_CV, 5)).found();
    assertThat(found).hasSize(5);
    // Registered nurses first; the rest nurse practitioners or nursing assistants: nursing all the same.
    long registered = found.stream().filter(f -> f.candidate().onetCode().startsWith("29-1141")).count();
    assertThat(registered).as("%s", found).isGreaterThanOrEqualTo(3);
    assertThat(found.get(0).candidate().onetCode()).startsWith("29-1141");
    assertThat(found).allSatisfy(f -> assertThat(f.candidate().headline()).containsIgnoringCase("nurs"));
  }

  @Test
  void aSelectiveFilterStillReturnsKCandidates() {
    // Electricians (47-2111) with at least 5 years: few among the CVs, and far from a nurse.
    CandidateFilter filter = new CandidateFilter(null, "47", null, 5, false);
    List<CandidateSearch.Found> found = search().search(new CandidateQuery(NURSE_CV, null, 3, filter)).found();
    assertThat(found).hasSize(3).allSatisfy(f -> {
      assertThat(f.candidate().majorGroup()).isEqualTo("47");
      assertThat(f.candidate().years()).isGreaterThanOrEqualTo(5);
    });
  }

  @Test
  void theVoteNamesNursing() {
    // The suite's index has 600 CVs, few of them nurses: a vote of the 5 nearest.
    CandidateSearch.Vote vote = search().vote(Fixtures.textQuery(NURSE_CV, 5));
    assertThat(vote.occupations().get(0).value()).as("%s", vote.occupations()).startsWith("29-1141");
    assertThat(vote.neighbours()).hasSize(5);
  }
}
