package dev.jobcode.skills;

import dev.jobcode.skills.SkillMatcher.Found;
import dev.jobcode.skills.SkillNames.Need;
import dev.jobcode.skills.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides where a name that is also an ordinary word ("Go", "R", "Excel", "Swift", "Access") names
 * software. Such a name, already written in the dictionary's case, is kept when:
 *
 * <ol>
 *   <li>it is not a verb opening a sentence: "Excel at building relationships", "Go to market",
 *       "React quickly" (the name first in its sentence or line, then a lowercase word that is not a
 *       {@linkplain #CUES cue}) are refused whatever else is near; and
 *   <li>its vendor is right before it ("MS Excel"), or a {@linkplain #CUES cue word} is within three
 *       words in the same sentence ("proficient in Excel", "statistical analysis in R", "Go
 *       developer"), or it is an item of a list ("R, Python and SQL", "Go / Rust / Kubernetes", one a
 *       line) in which another item is an unambiguous skill or a name kept by rule 2.
 * </ol>
 */
final class SoftwareContext {
  /** Words that say software is being talked about. */
  static final Set<String> CUES = Set.of(
      "programming", "programmer", "programmers", "language", "languages", "framework", "frameworks", "library",
      "libraries", "developer", "developers", "development", "code", "coding", "scripting", "script", "scripts",
      "spreadsheet", "spreadsheets", "pivot", "vba", "macro", "macros", "formulas", "vlookup", "database",
      "databases", "sql", "queries", "query", "software", "stack", "proficient", "proficiency", "experience",
      "experienced", "skills", "skill", "skilled", "tools", "technologies", "expert", "expertise", "knowledge",
      "familiar", "familiarity", "using", "app", "apps", "ios", "android", "api", "apis", "backend", "frontend",
      "engineer", "engineers", "statistical", "statistics", "certified", "certification");
  /** Words that join list items. */
  private static final Set<String> LIST_WORDS = Set.of("and", "or");
  /** Characters that separate list items (with line ends). */
  private static final String SEPARATORS = ",/;|•·*()[]&–—-";
  private static final String SENTENCE_ENDS = ".!?";
  private static final int WINDOW = 3;

  private final Set<String> vendors;

  SoftwareContext(Set<String> vendors) {
    this.vendors = vendors;
  }

  /** The names found that are believed, in text order. */
  List<Found> keep(String text, List<Token> tokens, List<Found> found) {
    if (found.stream().noneMatch(f -> f.need() == Need.SOFTWARE_CONTEXT)) {
      return found;
    }
    List<Found> candidates = new ArrayList<>();
    List<Boolean> believed = new ArrayList<>();
    for (Found f : found) {
      if (f.need() != Need.SOFTWARE_CONTEXT) {
        candidates.add(f);
        believed.add(true);
      } else if (!verb(text, tokens, f)) {
        candidates.add(f);
        believed.add(vendorBefore(text, tokens, f) || cueNear(text, tokens, f));
      }
    }
    // A list believes all its items when it believes one: runs of items, each listed after the previous.
    for (int start = 0; start < candidates.size(); ) {
      int end = start + 1;
      while (end < candidates.size() && listed(text, tokens, candidates.get(end - 1), candidates.get(end))) {
        end++;
      }
      if (believed.subList(start, end).contains(true)) {
        for (int k = start; k < end; k++) {
          believed.set(k, true);
        }
      }
      start = end;
    }
    List<Found> kept = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      if (believed.get(k)) {
        kept.add(candidates.get(k));
      }
    }
    return kept;
  }

  /** "Excel at building", "Go to market": first in its sentence, then a lowercase word that is no cue. */
  private static boolean verb(String text, List<Token> tokens, Found f) {
    if (f.to() >= tokens.size() || !startsSentence(text, tokens, f.from())) {
      return false;
    }
    Token next = tokens.get(f.to());
    return gap(text, tokens, f.to()).isBlank() && !gap(text, tokens, f.to()).contains("\n")
        && next.form().chars().allMatch(Character::isLowerCase)
        && !CUES.contains(next.key()) && !LIST_WORDS.contains(next.key());
  }

  private boolean vendorBefore(String text, List<Token> tokens, Found f) {
    return f.from() > 0 && vendors.contains(tokens.get(f.from() - 1).key()) && gap(text, tokens, f.from()).isBlank();
  }

  private static boolean cueNear(String text, List<Token> tokens, Found f) {
    for (int t = f.from() - 1; t >= 0 && t >= f.from() - WINDOW; t--) {
      if (endsSentence(gap(text, tokens, t + 1))) {
        break;
      }
      if (CUES.contains(tokens.get(t).key())) {
        return true;
      }
    }
    for (int t = f.to(); t < tokens.size() && t < f.to() + WINDOW; t++) {
      if (endsSentence(gap(text, tokens, t))) {
        break;
      }
      if (CUES.contains(tokens.get(t).key())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code b} is the next item of a list after {@code a}: between them only separators, line
   * ends and "and"/"or", at least one of them.
   */
  private static boolean listed(String text, List<Token> tokens, Found a, Found b) {
    boolean separated = false;
    for (int t = a.to(); t <= b.from(); t++) {
      for (char c : gap(text, tokens, t).toCharArray()) {
        if (c == '\n' || SEPARATORS.indexOf(c) >= 0) {
          separated = true;
        } else if (!Character.isWhitespace(c)) {
          return false;
        }
      }
      if (t < b.from()) {
        if (!LIST_WORDS.contains(tokens.get(t).key())) {
          return false;
        }
        separated = true;
      }
    }
    return separated;
  }

  /** Whether token {@code t} is the first of the text, of a sentence, of a line or of a bullet. */
  private static boolean startsSentence(String text, List<Token> tokens, int t) {
    if (t == 0) {
      return true;
    }
    String gap = gap(text, tokens, t);
    return endsSentence(gap) || gap.contains("\n") || gap.contains("•") || gap.contains("·") || gap.contains("*");
  }

  private static boolean endsSentence(String gap) {
    for (int i = 0; i < gap.length(); i++) {
      if (SENTENCE_ENDS.indexOf(gap.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The text between token {@code t - 1} and token {@code t}. */
  private static String gap(String text, List<Token> tokens, int t) {
    return text.substring(t == 0 ? 0 : tokens.get(t - 1).end(), tokens.get(t).start());
  }
}
