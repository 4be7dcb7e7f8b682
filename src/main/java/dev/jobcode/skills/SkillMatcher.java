package dev.jobcode.skills;

import dev.jobcode.skills.SkillNames.Need;
import dev.jobcode.skills.SkillNames.Variant;
import dev.jobcode.skills.Tokens.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the skills a text names, and where. Built once from a dictionary (a trie of the names'
 * tokens, well under a second for all of O*NET), then immutable and safe to share between threads.
 *
 * <p>For each text:
 *
 * <ol>
 *   <li>cut it into {@link Tokens} ("C++", "C#", ".NET" and "Node.js" stay whole; "C-suite" and
 *       "R&amp;D" are one token each, so nothing is found inside them);
 *   <li>at each token take the longest name that starts there ("Ruby on Rails" over "Ruby"), looking
 *       up the tokens as they are and, over up to three tokens, run together ("Node JS" and "NodeJS"
 *       as "Node.js", "PowerBI" as "Power BI"); names of ordinary words must be written in the
 *       dictionary's case ("Excel", not "excel");
 *   <li>keep a name that is an ordinary word ("Go", "R", "Excel") only where {@link SoftwareContext}
 *       says software;
 *   <li>gather the places of each skill.
 * </ol>
 */
public final class SkillMatcher {
  /** The most tokens run together into one name ("Node JS" → "nodejs"). */
  private static final int MAX_SQUASHED = 3;
  /** Characters that end a name: no name goes on past a bracket, a comma, a sentence's or a line's end. */
  private static final String BREAKS = ",;:.!?()[]{}|•·\n\"“”";

  private final SkillDictionary dictionary;
  private final SkillNames names;
  private final Node root = new Node();
  private final SoftwareContext context;

  public SkillMatcher(SkillDictionary dictionary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.names = dictionary.names();
    for (Variant v : names.variants()) {
      if (v.need() != Need.NEVER) {
        Node node = root;
        for (String key : v.keys()) {
          node = node.next.computeIfAbsent(key, k -> new Node());
        }
        node.variant = v;
      }
    }
    this.context = new SoftwareContext(names.vendors());
  }

  /** The skill a filter's term means ({@link SkillDictionary#resolve}). */
  public java.util.Optional<Skill> resolve(String userTerm) {
    return dictionary.resolve(userTerm);
  }

  /** How many skills and tools it knows. */
  public int size() {
    return dictionary.size();
  }

  /** The skills {@code text} names, by first place found, then by name. */
  public List<SkillMatch> find(String text) {
    Objects.requireNonNull(text, "text");
    List<Token> tokens = Tokens.of(text);
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); ) {
      Found f = longest(text, tokens, i);
      if (f == null) {
        i++;
      } else {
        found.add(f);
        i = f.to();
      }
    }
    Map<Skill, List<Span>> places = new LinkedHashMap<>();
    for (Found f : context.keep(text, tokens, found)) {
      places.computeIfAbsent(f.variant().skill(), s -> new ArrayList<>())
          .add(new Span(tokens.get(f.from()).start(), tokens.get(f.to() - 1).end()));
    }
    List<SkillMatch> matches = new ArrayList<>();
    places.forEach((skill, spans) ->
        matches.add(new SkillMatch(skill.name(), skill.commodityTitle(), skill.hot(), skill.kind().id(), spans)));
    matches.sort(Comparator.comparingInt((SkillMatch m) -> m.found().get(0).start()).thenComparing(SkillMatch::name)
        .thenComparing(SkillMatch::kind));
    return matches;
  }

  /** The longest name starting at token {@code i}, or null. */
  private Found longest(String text, List<Token> tokens, int i) {
    Found best = null;
    Node node = root;
    for (int j = i; j < tokens.size() && (j == i || joined(text, tokens, j)); j++) {
      node = node.next.get(tokens.get(j).key());
      if (node == null) {
        break;
      }
      if (node.variant != null && written(node.variant, tokens, i)) {
        best = new Found(i, j + 1, node.variant);
      }
    }
    StringBuilder squashed = new StringBuilder();
    for (int n = 1; n <= MAX_SQUASHED && i + n <= tokens.size(); n++) {
      Token t = tokens.get(i + n - 1);
      if (n > 1 && !(joined(text, tokens, i + n - 1) && marked(tokens.get(i).form()) && marked(t.form()))) {
        break; // "Node JS" is Node.js; "base camp" is not Basecamp
      }
      squashed.append(t.key().indexOf('-') < 0 ? t.key() : t.key().replace("-", ""));
      Variant v = names.bySquash(squashed.toString());
      if (v != null && (best == null || best.to() - i < n)) {
        best = new Found(i, i + n, v);
      }
    }
    return best;
  }

  /**
   * Whether token {@code j} may go on a name begun before it: "Amazon Web Services (AWS)" is two names,
   * "Python, Java" never one.
   */
  private static boolean joined(String text, List<Token> tokens, int j) {
    for (int c = tokens.get(j - 1).end(); c < tokens.get(j).start(); c++) {
      if (BREAKS.indexOf(text.charAt(c)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether a token has a capital or a digit, as a word of a product's name written apart does. */
  private static boolean marked(String form) {
    for (int i = 0; i < form.length(); i++) {
      if (Character.isUpperCase(form.charAt(i)) || Character.isDigit(form.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the tokens from {@code i} are written as the variant needs: any case, or its own. */
  private static boolean written(Variant v, List<Token> tokens, int i) {
    if (v.need() == Need.ANY_CASE) {
      return true;
    }
    for (int k = 0; k < v.forms().size(); k++) {
      String form = v.forms().get(k);
      String text = tokens.get(i + k).form();
      boolean shouted = form.length() >= 3 && text.equalsIgnoreCase(form) && text.chars().noneMatch(Character::isLowerCase);
      if (!text.equals(form) && !shouted) {
        return false;
      }
    }
    return true;
  }

  /** A name found at tokens [from, to). */
  record Found(int from, int to, Variant variant) {
    Need need() {
      return variant.need();
    }
  }

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    Variant variant;
  }
}
