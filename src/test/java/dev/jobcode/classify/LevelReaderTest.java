package dev.jobcode.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelReaderTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Accountant|specialist",
      "Registered Nurse|specialist",
      "Staff Nurse|specialist",
      "Associate Professor|specialist",
      "Chief of Staff|director",
      "Head Chef|lead",
      "Head of Marketing|director",
      "Senior Director|director",
      "VP Sales|vp",
      "Senior Vice President, Finance|vp",
      "Lead Carpenter|lead",
      "Principal Engineer|senior",
      "Head - Performance Engineering|director",
      "Board Member|c-level",
      "Chairman of the Board|c-level",
      "SVP and Chief Financial Officer|vp",
      "V.P. of Sales|vp",
      "Managing Director, Austria|director",
      "Team Leader|lead",
      "Sr. Software Eng II|senior",
      "Software Engineer III|senior",
      "Junior Developer|junior",
      "Customer Service Representative I|junior",
      "Electrician Apprentice|junior",
      "Intern – Data|intern",
      "Summer Internship, Finance|intern",
      "Product Manager (MBA Intern)|manager",
      "Assistant Store Manager|manager",
      "Chief Executive Officer|c-level",
      "Chief Information Security Officer|c-level",
      "CFO|c-level",
      "President|c-level",
      "Vice President of Operations|vp",
      "Managing Director|director",
      "Founder & CEO|owner",
      "Restaurant Owner|owner",
      "Chief Engineer|lead",
      "I.T. Support|specialist",
  })
  void readsTheLevelATitleStates(String title, String level) {
    assertThat(LevelReader.read(title).level().id()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"Sr. Accountant|sr", "Accountant|''", "VP Sales|vp"})
  void saysWhichWordsSaidSo(String title, String cue) {
    LevelReader.Reading r = LevelReader.read(title);
    assertThat(r.cue()).isEqualTo(cue);
    assertThat(r.stated()).isEqualTo(!cue.isEmpty());
  }
}
