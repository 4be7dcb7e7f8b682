package dev.jobcode.classify;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prepares a title for matching. Seniority words ("Senior", "Jr.", "II") say how senior a job is,
 * not what it is, and they pull titles towards the wrong occupations ("Senior Engineer - Sales"),
 * so they are removed before encoding; so are job-board noise (requisition codes like "JC65",
 * bare numbers, "(Full-Time)"). A title made only of such words is kept as it is.
 */
public final class TitleNormalizer {
  private static final Set<String> SENIORITY = Set.of(
      "senior", "sr", "junior", "jr", "i", "ii", "iii", "iv", "entry-level", "mid-level");
  private static final Pattern TOKEN = Pattern.compile("\\s+");
  /** A bare number, or a code with two or more digits ("JC65", "R-10234"); "3D" stays. */
  private static final Pattern CODE = Pattern.compile("[#(\\[]?(\\d+|[\\p{L}-]*\\d[\\p{L}-]*\\d[\\p{L}\\d-]*)[)\\],.:;]?");
  private static final Pattern EMPLOYMENT = Pattern.compile(
      "(?i)[(\\[]\\s*(full[- ]?time|part[- ]?time|remote|hybrid|contract|temporary|permanent|on[- ]?site)\\s*[)\\]]");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TitleNormalizer() {}

  /** The title with seniority words removed, for encoding. */
  public static String forMatching(String title) {
    StringBuilder kept = new StringBuilder();
    for (String token : TOKEN.split(EMPLOYMENT.matcher(title).replaceAll(" ").strip())) {
      if (CODE.matcher(token).matches()) {
        continue;
      }
      String bare = token.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}-]+$", "");
      if (SENIORITY.contains(bare)) {
        continue;
      }
      if (!kept.isEmpty()) {
        kept.append(' ');
      }
      kept.append(token);
    }
    String result = kept.toString().replaceAll("^[\\s,\\-–/|]+|[\\s,\\-–/|]+$", "");
    return result.isEmpty() ? title.strip() : result;
  }

  /** A comparison key: lower case, letters and digits only, single spaces. */
  public static String key(String text) {
    return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
