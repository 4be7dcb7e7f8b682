package dev.jobcode.eval;

import dev.jobcode.classify.JobAttributes;
import dev.jobcode.classify.JobFamily;
import dev.jobcode.taxonomy.JobLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores IT, level and area against a set's attribute labels, mapping jobcode's answers onto the
 * set's vocabularies:
 * <ul>
 *   <li>IT labels are Y/N, or job family names, of which {@link #IT_FAMILIES} count as IT;</li>
 *   <li>levels C-Suite (c-level, owner), VP, Director, Manager (manager, lead), Other (the rest);</li>
 *   <li>areas by the set's convention, which files executives under Business: a C-level, owner or VP
 *       title is Business unless it names its function ("CTO"); a director is Business unless the
 *       family is technical or sales; below that Technical (Technical/IT, Engineering, Science),
 *       Sales-Marketing, and Other for the rest (business and finance staff included).</li>
 * </ul>
 * A rejected row (attributes null) counts as wrong.
 */
public final class AttributeScorer {
  /**
   * Job families (as employers name them) whose work is in jobcode's IT occupations: software,
   * hardware (computer hardware engineers), infrastructure, networks, data centres, IT and data
   * management, technical solutions (solutions and customer engineers) and developer relations.
   */
  public static final Set<String> IT_FAMILIES = Set.of("software engineering", "hardware engineering",
      "technical infrastructure", "network engineering", "data center & network", "it & data management",
      "technical solutions", "developer relations");

  private AttributeScorer() {}

  /**
   * Accuracy of one attribute; for IT also per unique title, precision and recall; for level and
   * area the confusion counts (label → answer → rows).
   */
  public record Score(int n, double accuracy, Double accuracyUnique, Double precision, Double recall,
                      Map<String, Map<String, Integer>> confusion) {}

  /** Scores of the attributes the set has labels for (absent ones are not in the map). */
  public static Map<String, Score> score(LabelledSet set, List<JobAttributes> predicted) {
    Map<String, Score> scores = new LinkedHashMap<>();
    List<LabelledSet.Row> rows = set.rows();
    if (!rows.isEmpty() && rows.get(0).it() != null) {
      scores.put("it", it(rows, predicted));
    }
    if (!rows.isEmpty() && rows.get(0).level() != null) {
      scores.put("level", simple(rows, predicted, true));
    }
    if (!rows.isEmpty() && rows.get(0).area() != null) {
      scores.put("area", simple(rows, predicted, false));
    }
    return scores;
  }

  private static Score it(List<LabelledSet.Row> rows, List<JobAttributes> predicted) {
    int right = 0;
    int truePositive = 0;
    int predictedPositive = 0;
    int actualPositive = 0;
    Map<String, Boolean> firstOfTitle = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      boolean actual = isItLabel(rows.get(i).it());
      JobAttributes a = predicted.get(i);
      boolean ok = a != null && a.it() == actual;
      right += ok ? 1 : 0;
      actualPositive += actual ? 1 : 0;
      if (a != null && a.it()) {
        predictedPositive++;
        truePositive += actual ? 1 : 0;
      }
      firstOfTitle.putIfAbsent(rows.get(i).title(), ok);
    }
    long uniqueRight = firstOfTitle.values().stream().filter(b -> b).count();
    return new Score(rows.size(), fraction(right, rows.size()), fraction((int) uniqueRight, firstOfTitle.size()),
        fraction(truePositive, predictedPositive), fraction(truePositive, actualPositive), Map.of());
  }

  private static Score simple(List<LabelledSet.Row> rows, List<JobAttributes> predicted, boolean level) {
    int right = 0;
    Map<String, Map<String, Integer>> confusion = new java.util.TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JobAttributes a = predicted.get(i);
      String label = level ? rows.get(i).level() : rows.get(i).area();
      String guess = a == null ? null : level ? levelLabel(a.level().level()) : areaLabel(a);
      right += guess != null && guess.equalsIgnoreCase(label) ? 1 : 0;
      confusion.computeIfAbsent(label, l -> new java.util.TreeMap<>()).merge(guess == null ? "(rejected)" : guess, 1, Integer::sum);
    }
    return new Score(rows.size(), fraction(right, rows.size()), null, null, null, confusion);
  }

  static boolean isItLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "y", "yes", "true", "1", "it" -> true;
      case "n", "no", "false", "0", "non-it" -> false;
      default -> IT_FAMILIES.contains(l);
    };
  }

  static String levelLabel(JobLevel level) {
    return switch (level) {
      case C_LEVEL, OWNER -> "C-Suite";
      case VP -> "VP";
      case DIRECTOR -> "Director";
      case MANAGER, LEAD -> "Manager";
      default -> "Other";
    };
  }

  static String areaLabel(JobAttributes a) {
    String functional = switch (a.family()) {
      case TECHNICAL_IT, ENGINEERING, SCIENCE -> "Technical";
      case SALES_MARKETING -> "Sales-Marketing";
      default -> "Other";
    };
    if (!a.familyCue().isEmpty()) {
      return a.family() == JobFamily.BUSINESS_FINANCE ? "Business" : functional;
    }
    return switch (a.level().level()) {
      case C_LEVEL, OWNER, VP -> "Business";
      case DIRECTOR -> functional.equals("Other") ? "Business" : functional;
      default -> functional;
    };
  }

  private static Double fraction(int count, int n) {
    return n == 0 ? 0.0 : (double) count / n;
  }
}
