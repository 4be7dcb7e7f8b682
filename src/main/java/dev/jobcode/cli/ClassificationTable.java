package dev.jobcode.cli;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Evidence;
import dev.jobcode.classify.JobAttributes;
import dev.jobcode.classify.OccupationMatch;
import dev.jobcode.index.IndexMeta;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code jobcode classify}'s answers as a table for people: each title, its attributes, its occupations with their best evidence. */
final class ClassificationTable {
  private ClassificationTable() {}

  /** {@code ordering}: how the occupations were ordered ({@link dev.jobcode.classify.Classifier#ordering}). */
  static void print(List<Classification> results, IndexMeta meta, String ordering, PrintWriter out) {
    out.printf(Locale.ROOT, "%s %s, model %s, mode %s%n", meta.taxonomy().name(), meta.taxonomy().version(),
        meta.model().id(), ordering);
    for (Classification c : results) {
      out.println();
      String review = c.review() ? "  (review)" : "";
      // A classification with no occupation has no attributes either (they follow from the best occupation).
      JobAttributes a = c.attributes();
      if (a == null) {
        out.printf(Locale.ROOT, "%s%s  [no occupation found]%n", c.query().title(), review);
      } else {
        out.printf(Locale.ROOT, "%s%s  [%s %.2f, level %s, %s]%n", c.query().title(), review,
            a.it() ? "IT" : "non-IT", a.itProbability(), a.level().level().id(), a.family().title());
      }
      int rank = 1;
      for (OccupationMatch match : c.results()) {
        Evidence best = match.evidence().isEmpty() ? null : match.evidence().get(0);
        out.printf(Locale.ROOT, "  %d. %s  %-50s %.4f  %s%n", rank++, match.occupation().code(),
            abbreviate(match.occupation().title(), 50), match.score(),
            best == null ? "" : best.kind().id() + ": \"" + abbreviate(best.text(), 60) + "\" " + String.format(Locale.ROOT, "%.3f", best.score()));
      }
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
