package dev.jobcode.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobcode.skills.Skill.Kind;
import dev.jobcode.testing.RealData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The skills dictionary and matcher on the whole of O*NET 30.0's Technology Skills and Tools Used. */
class SkillMatcherIT {
  private static SkillDictionary dictionary;
  private static SkillMatcher matcher;
  private static long buildMillis;

  @BeforeAll
  static void loadTheWholeDictionary() {
    long t0 = System.nanoTime();
    dictionary = SkillDictionary.load(RealData.onet30());
    long t1 = System.nanoTime();
    matcher = new SkillMatcher(dictionary);
    long t2 = System.nanoTime();
    buildMillis = (t2 - t1) / 1_000_000;
    System.out.printf(Locale.ROOT, "skills: %,d (%,d technologies, %,d tools); load %d ms, matcher built in %d ms%n",
        dictionary.size(), count(Kind.TECHNOLOGY), count(Kind.TOOL), (t1 - t0) / 1_000_000, buildMillis);
  }

  @Test
  void theDictionaryHoldsThousandsOfSkillsAndTheMatcherIsBuiltWellUnderASecond() {
    assertThat(count(Kind.TECHNOLOGY)).isBetween(8_000L, 10_000L);
    assertThat(count(Kind.TOOL)).isBetween(15_000L, 20_000L);
    assertThat(buildMillis).isLessThan(1_000);
    assertThat(dictionary.resolve("excel").map(Skill::name)).contains("Microsoft Excel");
    assertThat(dictionary.resolve("NodeJS").map(Skill::name)).contains("Node.js");
    assertThat(dictionary.resolve("power bi").map(Skill::name)).contains("Microsoft Power BI");
    assertThat(dictionary.resolve("c#").map(Skill::name)).contains("C#");
    assertThat(dictionary.resolve("forklift").map(Skill::name)).contains("Forklifts");
  }

  /**
   * Precision: of the skills found in the table's texts, the share that the table expects; a skill
   * the table neither expects nor forbids counts against it, so the figure is not flattered by what
   * the table left out. Recall: of the skills the table expects, the share found.
   */
  @Test
  void theTrickyTableOnTheRealDictionaryIsPreciseAndComplete() {
    int expected = 0;
    int foundExpected = 0;
    int found = 0;
    List<String> wrong = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (SkillCases.Case c : SkillCases.CASES) {
      Set<String> names = new TreeSet<>(matcher.find(c.text()).stream().map(SkillMatch::name).toList());
      expected += c.found().size();
      found += names.size();
      for (String name : c.found()) {
        if (names.contains(name)) {
          foundExpected++;
        } else {
          missed.add(name + " in '" + c + "'");
        }
      }
      for (String name : names) {
        if (!c.found().contains(name)) {
          wrong.add(name + " in '" + c + "'" + (c.notFound().contains(name) ? " (forbidden)" : ""));
        }
      }
    }
    double precision = (double) foundExpected / found;
    double recall = (double) foundExpected / expected;
    System.out.printf(Locale.ROOT, "tricky table, %d texts: precision %.3f (%d of %d found), recall %.3f (%d of %d expected)%n",
        SkillCases.CASES.size(), precision, foundExpected, found, recall, foundExpected, expected);
    wrong.forEach(w -> System.out.println("  found, not expected: " + w));
    missed.forEach(m -> System.out.println("  expected, not found: " + m));

    assertThat(precision).as("precision; wrongly found: %s", wrong).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.90);
    assertThat(wrong).as("nothing the table forbids").noneMatch(w -> w.endsWith("(forbidden)"));
  }

  @Test
  void findsSkillsInLongTextsQuickly() {
    List<String> cvs = generatedCvs(200, 42);
    int chars = cvs.stream().mapToInt(String::length).sum();
    long skills = 0;
    double seconds = Double.MAX_VALUE;
    for (int pass = 0; pass < 5; pass++) { // the JIT warms up over the first passes: report the fastest
      skills = 0;
      long t0 = System.nanoTime();
      for (String cv : cvs) {
        skills += matcher.find(cv).size();
      }
      seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(Locale.ROOT, "find: %d CVs of %,d chars on average in %.3f s (fastest of 5 passes): %,.0f CV/s, %.1f skills per CV%n",
        cvs.size(), chars / cvs.size(), seconds, cvs.size() / seconds, (double) skills / cvs.size());
    assertThat(skills).isGreaterThan(cvs.size() * 5L);
  }

  /** CV-like texts of about 6,000 chars: sentences of ordinary work, with skills and traps between them. */
  private static List<String> generatedCvs(int n, long seed) {
    List<String> sentences = new ArrayList<>(SkillCases.CASES.stream().map(SkillCases.Case::text).toList());
    sentences.addAll(List.of(
        "Responsible for the day-to-day running of a team of twelve across two sites.",
        "Reported weekly to the operations director on cost, quality and delivery.",
        "Worked with suppliers and customers to resolve complaints within two days.",
        "Trained new starters and wrote the procedures they follow.",
        "Technical skills: SQL, Tableau, Microsoft Power BI, Python (pandas), Git and Jira.",
        "Maintained laptop computers, desktop computers and printers for 80 staff.",
        "Operated forklifts and pallet jacks in a busy warehouse, with safety glasses at all times.",
        "Designed REST APIs in Java with Spring Boot, deployed with Docker on Kubernetes in AWS.",
        "Built dashboards in Excel with pivot tables and VBA macros for the finance team."));
    Random random = new Random(seed);
    List<String> cvs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder cv = new StringBuilder("Curriculum vitae\n\n");
      while (cv.length() < 6_000) {
        cv.append(sentences.get(random.nextInt(sentences.size()))).append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      cvs.add(cv.toString());
    }
    return cvs;
  }

  private static long count(Kind kind) {
    return dictionary.skills().stream().filter(s -> s.kind() == kind).count();
  }
}
