package dev.jobcode.skills;

import dev.jobcode.skills.Tokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every way a text may write a skill's name, and what it takes to believe each one. O*NET writes
 * "Microsoft Excel", "Oracle Java", "Structured query language SQL", "Rust programming language";
 * CVs write "Excel", "Java", "SQL", "Rust". From each name this derives:
 *
 * <ol>
 *   <li>the name itself;
 *   <li>the name without a generic last word: "software", "programming language", "framework"
 *       ("Salesforce software" → "Salesforce", "Spring Framework" → "Spring");
 *   <li>the name without its vendor, and that without a generic last word ("Microsoft Power BI" →
 *       "Power BI", "Microsoft .NET Framework" → ".NET"). Vendors are the first words of three or more
 *       names that go on with a capitalised word, when the vendor is not itself an ordinary word
 *       ("Autodesk", "Siemens"), plus {@link #HAND_VENDORS};
 *   <li>an acronym the name spells out, and the name without it ("Amazon Web Services AWS software"
 *       → "AWS", "Amazon Web Services");
 *   <li>for tools, the singular ("Desktop computers" → "desktop computer");
 *   <li>a few {@link #HAND_ALIASES} ("Golang", "C sharp").
 * </ol>
 *
 * A name that is an ordinary word ("Go", "Excel", "R") is believed only in a software context
 * ({@link Need#SOFTWARE_CONTEXT}). A derived name made only of ordinary words is kept only when it
 * is a well-known vendor's product listed in {@link #HAND_ORDINARY} or written as a capitalised name
 * ("Microsoft Word" → "Word", "Microsoft Visual Studio" → "Visual Studio"), or when it named a
 * language or framework ("Rust programming language" → "Rust"); never "Accounting software" →
 * "Accounting" nor "Oracle Database" → "Database". A derived code in capitals is found in capitals
 * only ("SQL"; not "etc" for ETC), and is dropped when it has two letters, or three after a vendor
 * ("Allscripts PM", "Blackbaud CRM"). Ordinary words, singular or plural, are those O*NET's own task
 * statements and descriptions write in lowercase (the dictionary gives them), {@link #HAND_ORDINARY}
 * and single letters. When two skills share a key, the skill's own name beats a hand alias or a
 * singular, which beats a derived name; then technology beats tool, hot beats not, the shorter name
 * beats the longer.
 */
final class SkillNames {

  /** What a variant needs, beyond its words, to be found in a text. */
  enum Need {
    /** Any case, anywhere: "Python", "PYTHON", "python". */
    ANY_CASE,
    /** Written as the dictionary writes it: an acronym derived from a name ("SQL", not "sql" or "etc"). */
    SAME_CASE,
    /** Written as the dictionary writes it, and where the context says software: "Go", "R", "Excel". */
    SOFTWARE_CONTEXT,
    /** Never found in a text, only resolved: a tool named by an ordinary word ("Hammers"). */
    NEVER
  }

  /**
   * One way of writing a skill.
   *
   * @param keys the lowercase tokens looked up
   * @param forms the same tokens in the dictionary's case, for {@link Need#SAME_CASE} and
   *     {@link Need#SOFTWARE_CONTEXT}
   * @param rank 0 for the skill's own name, 1 for a hand alias or a tool's singular, 2 for a
   *     derived name
   */
  record Variant(Skill skill, List<String> keys, List<String> forms, Need need, int rank) {
    String key() {
      return String.join(" ", keys);
    }
  }

  /** Vendors whose products CVs name without them, even when the product is an ordinary word. */
  static final Set<String> HAND_VENDORS = Set.of("microsoft", "ms", "apache", "oracle", "google", "apple",
      "amazon", "ibm", "adobe", "sap", "autodesk", "atlassian", "salesforce", "intuit", "cisco", "vmware");

  /**
   * Words that are ordinary English (or people's and places' names) even where O*NET's texts never
   * write them in lowercase, read off the names the data derives: a skill named by one needs a
   * software context, a tool named by one is left out, an alias made of one is dropped.
   */
  static final Set<String> HAND_ORDINARY = Set.copyOf(Arrays.asList((""
      // technology names that are words
      + "go react swift spark excel access word project teams outlook chef puppet ruby rust unity slack zoom "
      + "express spring flask office windows notes sheets docs drive forms publisher paint edge hive pig ant "
      + "storm camel vault dart julia scratch logo basic shell box workday notion canvas blackboard epic lambda "
      + "glue apex looker bamboo groovy elixir crystal lisp delphi mercury square dynamics blender bootstrap "
      // words and names that product names use and CVs use otherwise ("fluent in French", "United Kingdom")
      + "fluent kingdom jersey inventor presenter scholar persuasion potent workspace navigator frontier "
      + "millennium reliance sunrise quest rational paradox vista safari genie comet lunar opus chat dialog "
      + "continuum consolidation concordance storyline edible erupt evolver whittle saber hercules egret "
      + "dracula colossus enigma darwin maxima flex compiler middleware elmer gump petra cents vigilant shiny "
      + "blink penultimate travis pascal ada abbott samba hotspot kismet seesaw gazebo ferret cyclone algae "
      + "velvet juris multitask encompass latitude dossier interviewer interpreter invoice reservation logger "
      // tools too generic to mean the tool in a CV, or meaning something else in one
      + "computer pen pencil hammer knife knives scissors ruler calculator telephone phone camera printer "
      + "scanner ladder broom drill truck level monitor screen filter scale weight frame template gauge meter "
      + "tablet pointer encoder toggle fork semaphore walker striker scorer hustler explorer spinner stepper "
      + "stacker joiner snake skyline triangle spotlight revolver doll pager quiver beater spanner shaker "
      + "sweeper restraint").split(" ")));

  /** Names CVs use that O*NET's data does not derive: canonical name → aliases. */
  static final Map<String, List<String>> HAND_ALIASES = Map.of(
      "C#", List.of("C sharp"),
      "Go", List.of("Golang", "Google Go"),
      "Swift", List.of("Apple Swift"),
      "React", List.of("ReactJS", "React.js"),
      "PostgreSQL", List.of("Postgres"),
      "JavaScript", List.of("JS"),
      "Kubernetes", List.of("K8s"),
      "Vue.js", List.of("Vue"),
      "Atlassian JIRA", List.of("Jira"));

  private static final List<List<String>> GENERIC_ENDINGS = List.of(
      List.of("software"), List.of("programming", "language"), List.of("framework"));
  private static final Set<String> ACRONYM_GAPS = Set.of("and", "for", "of", "the", "to", "in", "&");
  private static final Comparator<Variant> PRIORITY = Comparator.comparingInt(Variant::rank)
      .thenComparing(v -> v.skill().kind())
      .thenComparing(v -> !v.skill().hot())
      .thenComparingInt(v -> v.skill().name().length())
      .thenComparing(v -> v.skill().name())
      .thenComparing(Variant::need);

  private final Set<String> ordinary;
  private final Set<String> vendors;
  private final Map<String, Variant> byKey = new HashMap<>();
  private final Map<String, Variant> bySquash = new HashMap<>();

  SkillNames(Collection<Skill> skills, Set<String> ordinaryWords) {
    this.ordinary = ordinaryWords;
    this.vendors = vendors(skills);
    Map<String, Skill> technologies = new HashMap<>();
    for (Skill skill : skills) {
      List<Token> name = Tokens.of(skill.name());
      if (name.isEmpty()) {
        continue;
      }
      add(skill, name, ownNeed(skill, name), 0);
      if (skill.kind() == Skill.Kind.TOOL) {
        List<Token> singular = singular(name);
        if (singular != null) {
          add(skill, singular, ownNeed(skill, name), 1);
        }
      } else {
        technologies.putIfAbsent(skill.name(), skill);
        derive(skill, name);
      }
    }
    HAND_ALIASES.forEach((canonical, aliases) -> {
      Skill skill = technologies.get(canonical);
      if (skill != null) {
        for (String alias : aliases) {
          List<Token> tokens = Tokens.of(alias);
          add(skill, tokens, tokens.size() == 1 && ordinary(tokens.get(0).key()) ? Need.SOFTWARE_CONTEXT : Need.ANY_CASE, 1);
        }
      }
    });
    for (Variant v : byKey.values()) {
      if (v.need() == Need.ANY_CASE) {
        bySquash.merge(Tokens.squash(v.keys()), v, (a, b) -> PRIORITY.compare(a, b) <= 0 ? a : b);
      }
    }
  }

  /** The variant written with these lowercase tokens, joined by single spaces. */
  Variant byKey(String key) {
    return byKey.get(key);
  }

  /** The {@link Need#ANY_CASE} variant whose tokens joined without spaces or hyphens are {@code squashed}. */
  Variant bySquash(String squashed) {
    return bySquash.get(squashed);
  }

  Collection<Variant> variants() {
    return byKey.values();
  }

  /** Vendor names (lowercase): a product right after one is a product ("MS Excel"). */
  Set<String> vendors() {
    return vendors;
  }

  /**
   * Whether a lowercase token is an ordinary word, singular or plural, or a single letter: a word that
   * alone says nothing.
   */
  boolean ordinary(String key) {
    if (key.length() == 1 && Character.isLetter(key.charAt(0))) {
      return true;
    }
    for (String form : List.of(key, key + "s", singular(key))) {
      if (ordinary.contains(form) || HAND_ORDINARY.contains(form)) {
        return true;
      }
    }
    return false;
  }

  private Need ownNeed(Skill skill, List<Token> name) {
    if (name.stream().noneMatch(t -> t.key().chars().anyMatch(Character::isLetter))) {
      return Need.NEVER; // "23": a number is not a name
    }
    if (name.size() > 1) {
      return Need.ANY_CASE;
    }
    String key = name.get(0).key();
    if (skill.kind() == Skill.Kind.TOOL) {
      return ordinary(key) ? Need.NEVER : Need.ANY_CASE;
    }
    return ordinary(key) ? Need.SOFTWARE_CONTEXT : Need.ANY_CASE;
  }

  /** Where a derived name comes from, which decides what it may be made of. */
  private enum Source {
    /** A generic ending dropped, or an acronym: never ordinary words ("Accounting software" → "Accounting"). */
    PLAIN,
    /** A product of a vendor found in the data: never ordinary words, nor a code of three capitals or less. */
    VENDOR,
    /**
     * A product of a {@linkplain #HAND_VENDORS well-known vendor}: ordinary words only if
     * {@linkplain #HAND_ORDINARY listed} ("Word") or a capitalised name ("Visual Studio").
     */
    KNOWN_VENDOR,
    /** A language's or framework's name: "Rust programming language" → "Rust". */
    LANGUAGE
  }

  private void derive(Skill skill, List<Token> name) {
    alias(skill, withoutGenericEnding(name), namesLanguageOrFramework(name) ? Source.LANGUAGE : Source.PLAIN);
    if (name.size() >= 2 && vendors.contains(name.get(0).key())) {
      Source vendor = HAND_VENDORS.contains(name.get(0).key()) ? Source.KNOWN_VENDOR : Source.VENDOR;
      List<Token> product = name.subList(1, name.size());
      alias(skill, product, vendor);
      alias(skill, withoutGenericEnding(product), namesLanguageOrFramework(product) ? Source.LANGUAGE : vendor);
    }
    for (int j = 1; j < name.size(); j++) {
      if (spelledOut(name, j)) {
        List<Token> longForm = new ArrayList<>(name);
        longForm.remove(j);
        alias(skill, List.of(name.get(j)), Source.PLAIN);
        alias(skill, name.subList(j, name.size()), Source.PLAIN);
        alias(skill, longForm, Source.PLAIN);
        alias(skill, withoutGenericEnding(longForm), Source.PLAIN);
      }
    }
  }

  private void alias(Skill skill, List<Token> tokens, Source source) {
    if (tokens == null || tokens.isEmpty() || tokens.stream().noneMatch(t -> t.key().chars().anyMatch(Character::isLetter))) {
      return;
    }
    List<String> keys = tokens.stream().map(Token::key).toList();
    if (GENERIC_ENDINGS.contains(keys)) {
      return; // "Salesforce software" does not make "software" a name
    }
    boolean code = keys.size() == 1 && isCode(tokens.get(0).form());
    if ((code || keys.get(0).length() == 1) && keys.size() == 1
        && (keys.get(0).length() <= 2 || keys.get(0).length() == 3 && (source == Source.VENDOR || source == Source.KNOWN_VENDOR))) {
      return; // "Objective C" → "C", "Allscripts PM" → "PM", "Blackbaud CRM" → "CRM": too short to mean the product
    }
    boolean allOrdinary = keys.stream().allMatch(this::ordinary);
    if (allOrdinary) {
      boolean kept = switch (source) {
        case PLAIN, VENDOR -> false; // "Oracle Database" does not make "Database" a name
        case KNOWN_VENDOR -> keys.size() == 1 ? HAND_ORDINARY.contains(keys.get(0))
            : tokens.stream().allMatch(t -> Character.isUpperCase(t.form().charAt(0))); // "Visual Studio", not "operating system"
        case LANGUAGE -> true;
      };
      if (!kept) {
        return;
      }
    }
    // A code is found in capitals only: "SQL", but not "etc" (ETC), "Eric" (ERIC), "stat" (SAS/STAT).
    Need need = allOrdinary ? Need.SOFTWARE_CONTEXT : code ? Need.SAME_CASE : Need.ANY_CASE;
    add(skill, tokens, need, 2);
  }

  /** Whether a token is written in capitals (and digits): "SQL", "AWS", "ETC". */
  private static boolean isCode(String form) {
    return form.chars().anyMatch(Character::isLetter) && form.chars().noneMatch(Character::isLowerCase);
  }

  private void add(Skill skill, List<Token> tokens, Need need, int rank) {
    List<String> keys = tokens.stream().map(Token::key).toList();
    List<String> forms = tokens.stream().map(Token::form).toList();
    byKey.merge(String.join(" ", keys), new Variant(skill, keys, forms, need, rank),
        (a, b) -> PRIORITY.compare(a, b) <= 0 ? a : b);
  }

  private static List<Token> withoutGenericEnding(List<Token> name) {
    for (List<String> ending : GENERIC_ENDINGS) {
      int keep = name.size() - ending.size();
      if (keep > 0 && name.subList(keep, name.size()).stream().map(Token::key).toList().equals(ending)) {
        return name.subList(0, keep);
      }
    }
    return null;
  }

  private static boolean namesLanguageOrFramework(List<Token> name) {
    String last = name.get(name.size() - 1).key();
    return name.size() > 1 && (last.equals("language") || last.equals("framework"));
  }

  /**
   * Whether token {@code j} is an acronym of all the tokens before it (but a vendor), read backwards:
   * each token gives its first letter, small words ("for", "and") may be skipped, and the first token
   * may give several letters ("Hypertext markup language HTML", "Microsoft Visual Basic for
   * Applications VBA").
   */
  private boolean spelledOut(List<Token> name, int j) {
    String acronym = name.get(j).form();
    if (acronym.length() < 2 || acronym.length() > 6 || !acronym.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return false;
    }
    String letters = acronym.toLowerCase(Locale.ROOT);
    int left = letters.length(); // letters[0, left) are still to be spelled
    for (int i = j - 1; i >= 0; i--) {
      String word = name.get(i).key();
      if (spells(word, letters.substring(0, left))) {
        // from the start, or from just after the vendor: not "... for Automated Inspection AI"
        return i == 0 || i == 1 && vendors.contains(name.get(0).key());
      }
      if (word.charAt(0) == letters.charAt(left - 1)) {
        left--;
      } else if (!ACRONYM_GAPS.contains(word)) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code word} starts with the first of {@code letters} and holds the others in order. */
  private static boolean spells(String word, String letters) {
    if (word.charAt(0) != letters.charAt(0)) {
      return false;
    }
    int at = 0;
    for (int i = 1; i < letters.length(); i++) {
      at = word.indexOf(letters.charAt(i), at + 1);
      if (at < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Vendors: {@link #HAND_VENDORS}, and a capitalised first word that is not an ordinary word and
   * begins three or more technology names, at least half of them going on with a capitalised word,
   * digit or dot ("Autodesk AutoCAD", "Siemens NX").
   */
  private Set<String> vendors(Collection<Skill> skills) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Skill skill : skills) {
      List<Token> name = Tokens.of(skill.name());
      if (skill.kind() != Skill.Kind.TECHNOLOGY || name.size() < 2 || !Character.isUpperCase(name.get(0).form().charAt(0))) {
        continue;
      }
      char next = skill.name().charAt(name.get(1).start());
      int[] c = counts.computeIfAbsent(name.get(0).key(), k -> new int[2]);
      c[0]++;
      if (Character.isUpperCase(next) || Character.isDigit(next) || next == '.') {
        c[1]++;
      }
    }
    Set<String> found = new HashSet<>(HAND_VENDORS);
    counts.forEach((word, c) -> {
      if (c[1] >= 3 && 2 * c[1] >= c[0] && !ordinary(word)) {
        found.add(word);
      }
    });
    return Set.copyOf(found);
  }

  private static List<Token> singular(List<Token> name) {
    Token last = name.get(name.size() - 1);
    String key = singular(last.key());
    if (key.equals(last.key())) {
      return null;
    }
    String form = last.form().length() != last.key().length() ? key : last.key().endsWith("ies")
        ? last.form().substring(0, last.form().length() - 3) + "y"
        : last.form().substring(0, last.form().length() - (last.key().length() - key.length()));
    List<Token> singular = new ArrayList<>(name.subList(0, name.size() - 1));
    singular.add(new Token(last.start(), last.end(), key, form));
    return singular;
  }

  /** The singular of a simple plural: "batteries" → "battery", "boxes" → "box", "computers" → "computer". */
  static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses") || word.endsWith("xes"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
