package dev.jobcode.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jobcode.table.TableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's arithmetic on a hand-computed example. */
class ScorerTest {
  @TempDir
  Path tmp;

  private LabelledSet set(String tsv) throws IOException {
    Path file = tmp.resolve("set.tsv");
    Files.writeString(file, tsv);
    return LabelledSet.read(file, new LabelledSet.Columns("title", null, List.of(), null, null, null));
  }

  private static List<String> p(String... codes) {
    return Arrays.asList(codes);
  }

  @Test
  void scoresEveryLevelPerRowAndPerUniqueTitle() throws IOException {
    LabelledSet set = set("""
        title\tonet_codes\tother
        Nurse\t29-1141.00\tx
        Nurse\t29-1141.00\tx
        Electrician\t47-2111.00|49-2098.00\tx
        Chef\t35-1011.00\tx
        \t13-2011.00\tx
        Chef\t35-2014.00\tx
        """);
    assertThat(set.levels()).containsExactly(Level.ONET, Level.SOC, Level.MAJOR);
    List<List<String>> predictions = Arrays.asList(
        p("29-1141.03", "29-1141.00", "11-9111.00"),    // onet: top-3; soc and major: top-1
        p("29-1141.03", "29-1141.00", "11-9111.00"),    // the same pair again: counted once in "unique"
        p("49-2098.00", "47-2111.00"),                  // second acceptable code: top-1 everywhere
        p("35-2014.00", "35-1012.00", "11-9051.00", "35-2021.00", "35-1011.00"),  // top-5; major top-1
        null,                                           // rejected: wrong everywhere
        p("35-2014.00", "35-1012.00"));                 // "Chef" again, other label: top-1 everywhere

    List<Boolean> review = List.of(true, true, false, false, false, false);

    EvalReport r = Scorer.score(set, predictions, review, Level.ONET);

    assertThat(r.n()).isEqualTo(6);
    // Flagged: rows 1, 2 and the rejected row 5 (0 right at onet top-1); accepted 3, 4, 6 (3 and 6 right).
    assertThat(r.review()).isEqualTo(new EvalReport.Review(3 / 6.0, 2 / 3.0, 0));
    assertThat(r.rejected()).isEqualTo(1);
    // Rows right: onet top-1 {3,6}, top-3 {1,2,3,6}, top-5 {1,2,3,4,6}; soc {1,2,3,6} {1,2,3,6}
    // {1,2,3,4,6}; major {1,2,3,4,6} at every k.
    assertAccuracy(r.byLevel().get(Level.ONET), 2 / 6.0, 4 / 6.0, 5 / 6.0);
    assertAccuracy(r.byLevel().get(Level.SOC), 4 / 6.0, 4 / 6.0, 5 / 6.0);
    assertAccuracy(r.byLevel().get(Level.MAJOR), 5 / 6.0, 5 / 6.0, 5 / 6.0);
    // Unique (title, codes) pairs are rows 1, 3, 4, 5, 6.
    assertThat(r.unique().n()).isEqualTo(5);
    assertAccuracy(r.unique().byLevel().get(Level.ONET), 2 / 5.0, 3 / 5.0, 4 / 5.0);
    assertAccuracy(r.unique().byLevel().get(Level.SOC), 3 / 5.0, 3 / 5.0, 4 / 5.0);
    assertAccuracy(r.unique().byLevel().get(Level.MAJOR), 4 / 5.0, 4 / 5.0, 4 / 5.0);
    // Unique titles are rows 1, 3, 4, 5 (row 6 repeats "Chef").
    assertThat(r.uniqueTitles().n()).isEqualTo(4);
    assertAccuracy(r.uniqueTitles().byLevel().get(Level.ONET), 1 / 4.0, 2 / 4.0, 3 / 4.0);
    assertAccuracy(r.uniqueTitles().byLevel().get(Level.SOC), 2 / 4.0, 2 / 4.0, 3 / 4.0);
    assertAccuracy(r.uniqueTitles().byLevel().get(Level.MAJOR), 3 / 4.0, 3 / 4.0, 3 / 4.0);
    // By the first label's major group, top-1 at the primary (onet) level.
    assertThat(r.perMajorGroup()).containsExactly(
        java.util.Map.entry("13", new EvalReport.GroupAccuracy(1, 0)),
        java.util.Map.entry("29", new EvalReport.GroupAccuracy(2, 0)),
        java.util.Map.entry("35", new EvalReport.GroupAccuracy(2, 0.5)),
        java.util.Map.entry("47", new EvalReport.GroupAccuracy(1, 1)));
    assertThat(r.confusions()).containsExactly(
        new EvalReport.Confusion("29-1141.00", "29-1141.03", 2),
        new EvalReport.Confusion("35-1011.00", "35-2014.00", 1));
  }

  @Test
  void socLabelsAreScoredAtSocAndMajorLevelOnly() throws IOException {
    LabelledSet set = set("title\tsoc2018_codes\nETL Developer\t15-1252|15-1253\nPlumber\t47-2152\n");
    assertThat(set.finest()).isEqualTo(Level.SOC);
    assertThat(set.levels()).containsExactly(Level.SOC, Level.MAJOR);
    EvalReport r = Scorer.score(set, List.of(p("15-1253.00"), p("47-2111.00", "47-2152.00")), Level.SOC);
    assertAccuracy(r.byLevel().get(Level.SOC), 0.5, 1, 1);
    assertAccuracy(r.byLevel().get(Level.MAJOR), 1, 1, 1);
    assertThat(r.byLevel()).doesNotContainKey(Level.ONET);
    assertThatThrownBy(() -> Scorer.score(set, List.of(p(), p()), Level.ONET)).hasMessageContaining("cannot be scored at level onet");
  }

  @Test
  void badLabelsNameTheLine() {
    assertThatThrownBy(() -> set("title\tcodes\nA\t15-1252\nB\tnurse\n")).isInstanceOf(TableException.class)
        .hasMessageContaining("line 3").hasMessageContaining("'nurse'");
    assertThatThrownBy(() -> set("title\tcodes\nA\t\n")).hasMessageContaining("line 2: no acceptable code");
    assertThatThrownBy(() -> set("title\tlabel\nA\t15-1252\n")).hasMessageContaining("--codes-col");
  }

  private static void assertAccuracy(EvalReport.Accuracy a, double top1, double top3, double top5) {
    assertThat(a.top1()).isCloseTo(top1, within(1e-12));
    assertThat(a.top3()).isCloseTo(top3, within(1e-12));
    assertThat(a.top5()).isCloseTo(top5, within(1e-12));
  }
}
