package dev.jobcode.skills;

import static dev.jobcode.skills.SkillCases.AWS;
import static dev.jobcode.skills.SkillCases.DOTNET;
import static dev.jobcode.skills.SkillCases.EXCEL;
import static dev.jobcode.skills.SkillCases.LAPTOPS;
import static dev.jobcode.skills.SkillCases.NODE;
import static dev.jobcode.skills.SkillCases.POWER_BI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SkillMatcherTest {
  private static final SkillDictionary DICTIONARY = SkillCases.dictionary();
  private static final SkillMatcher MATCHER = new SkillMatcher(DICTIONARY);

  static final List<SkillCases.Case> CASES = SkillCases.CASES;

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void findsWhatTheTextNamesAndNothingItDoesNot(SkillCases.Case c) {
    List<String> names = names(c.text());
    assertThat(c.found()).as("missed in '%s' (found %s)", c.text(), names).allMatch(names::contains);
    assertThat(names).as("wrongly found in '%s'", c.text()).noneMatch(c.notFound()::contains);
  }

  @Test
  void theTableHasFiftyCasesOrMoreAndChecksBothWays() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(50);
    assertThat(CASES).filteredOn(c -> !c.notFound().isEmpty()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(CASES).allMatch(c -> !c.found().isEmpty() || !c.notFound().isEmpty(), "every case asserts something");
  }

  @Test
  void spansPointAtTheCharactersFound() {
    String text = "C, C++ and C#";
    List<SkillMatch> matches = MATCHER.find(text);

    assertThat(matches).extracting(SkillMatch::name).containsExactly("C", "C++", "C#");
    assertThat(matches).extracting(m -> text.substring(m.found().get(0).start(), m.found().get(0).end()))
        .containsExactly("C", "C++", "C#");
    assertThat(matches.get(1).found()).containsExactly(new Span(3, 6));
  }

  @Test
  void everyPlaceOfASkillIsKeptInTextOrder() {
    String text = "Node.js, NodeJS or Node JS back ends";
    SkillMatch node = only(text);

    assertThat(node.name()).isEqualTo(NODE);
    assertThat(node.found()).containsExactly(new Span(0, 7), new Span(9, 15), new Span(19, 26));
    assertThat(node.found()).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Node.js", "NodeJS", "Node JS");
  }

  @Test
  void aSkillAtTheVeryStartAndAtTheVeryEndIsFound() {
    String text = "Python is my main language and I also know Docker";
    List<SkillMatch> matches = MATCHER.find(text);

    assertThat(matches).extracting(SkillMatch::name).containsExactly("Python", "Docker");
    assertThat(matches.get(0).found()).containsExactly(new Span(0, 6));
    assertThat(matches.get(1).found()).containsExactly(new Span(text.length() - 6, text.length()));
  }

  @Test
  void anAcronymAndItsLongFormAreOneSkill() {
    String text = "Amazon Web Services (AWS)";
    SkillMatch aws = only(text);

    assertThat(aws.name()).isEqualTo(AWS);
    assertThat(aws.found()).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Amazon Web Services", "AWS");
  }

  @Test
  void aPossessiveIsLeftOutOfTheSpan() {
    String text = "Excel's pivot tables";
    assertThat(only(text).found()).containsExactly(new Span(0, 5));
  }

  @Test
  void aVariantIsFoundUnderItsCanonicalNameWithItsCommodity() {
    SkillMatch bi = only("Dashboards in PowerBI");
    assertThat(bi).isEqualTo(new SkillMatch(POWER_BI, "Business intelligence and data analysis software", true,
        "technology", List.of(new Span(14, 21))));

    SkillMatch laptops = only("Laptop computer repair");
    assertThat(laptops.kind()).isEqualTo("tool");
    assertThat(laptops.name()).isEqualTo(LAPTOPS);
    assertThat(laptops.hot()).isFalse();
  }

  @Test
  void matchesComeInOrderOfFirstPlaceThenName() {
    List<SkillMatch> matches = MATCHER.find("Docker and Python; later Docker again, and .NET");
    assertThat(matches).extracting(SkillMatch::name).containsExactly("Docker", "Python", DOTNET);
  }

  @Test
  void aTextWithoutSkillsGivesNothing() {
    assertThat(MATCHER.find("")).isEmpty();
    assertThat(MATCHER.find("   \n\t ")).isEmpty();
    assertThat(MATCHER.find("Friendly nurse who loves gardening.")).isEmpty();
  }

  @Test
  void theSameTextGivesTheSameAnswerOnManyThreads() throws Exception {
    String text = String.join("\n", CASES.stream().map(SkillCases.Case::text).toList());
    List<SkillMatch> expected = MATCHER.find(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SkillMatch>>> answers = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> MATCHER.find(text))).toList();
      for (Future<List<SkillMatch>> answer : answers) {
        assertThat(answer.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(expected).hasSizeGreaterThan(30);
  }

  @Test
  void resolvesWhatARecruiterTypesInAFilter() {
    assertThat(resolved("python")).isEqualTo("Python");
    assertThat(resolved("Excel")).isEqualTo(EXCEL);
    assertThat(resolved("excel")).isEqualTo(EXCEL);
    assertThat(resolved("NodeJS")).isEqualTo(NODE);
    assertThat(resolved("node js")).isEqualTo(NODE);
    assertThat(resolved("power bi")).isEqualTo(POWER_BI);
    assertThat(resolved("c#")).isEqualTo("C#");
    assertThat(resolved("C sharp")).isEqualTo("C#");
    assertThat(resolved("c++")).isEqualTo("C++");
    assertThat(resolved("c")).isEqualTo("C");
    assertThat(resolved("go")).isEqualTo("Go");
    assertThat(resolved("golang")).isEqualTo("Go");
    assertThat(resolved("sql")).isEqualTo(SkillCases.SQL);
    assertThat(resolved("dotnet")).isEqualTo(DOTNET);
    assertThat(resolved(" Ruby on Rails ")).isEqualTo("Ruby on Rails");
    assertThat(resolved("laptop computer")).isEqualTo(LAPTOPS);
    assertThat(resolved("hammer")).as("never matched in a text, but a filter may name it").isEqualTo("Hammers");
  }

  @Test
  void resolvesNothingForAnUnknownOrEmptyTerm() {
    assertThat(DICTIONARY.resolve("COBOL")).isEmpty();
    assertThat(DICTIONARY.resolve("  ")).isEmpty();
    assertThat(DICTIONARY.resolve("--")).isEmpty();
    assertThatThrownBy(() -> DICTIONARY.resolve(null)).isInstanceOf(NullPointerException.class);
  }

  private static String resolved(String term) {
    return DICTIONARY.resolve(term).map(Skill::name).orElse(null);
  }

  private static List<String> names(String text) {
    return MATCHER.find(text).stream().map(SkillMatch::name).toList();
  }

  private static SkillMatch only(String text) {
    List<SkillMatch> matches = MATCHER.find(text);
    assertThat(matches).as("skills in '%s'", text).hasSize(1);
    return matches.get(0);
  }
}
