package dev.jobcode.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an O*NET title look like one typed into a job board: seniority words, requisition codes,
 * locations and employment tags, abbreviations ("Sr.", "Mgr", "RN"), the head word first ("Manager,
 * Marketing"), "I/II/III", a company's name, a typo, upper or lower case, a singular where O*NET
 * writes a plural. Each call applies a few of these, chosen by {@code random}, so one seed gives
 * the same titles every time.
 */
public final class TitleNoise {
  private static final List<String> SENIORITY = List.of("Senior", "Sr.", "Sr", "Lead", "Junior", "Jr.", "Principal",
      "Staff", "Associate", "Entry Level", "Experienced");
  private static final List<String> GRADES = List.of(" I", " II", " III", " IV", " 1", " 2", " 3", " Level 2");
  private static final List<String> TAGS = List.of(" - New York, NY", " (Remote)", " - Chicago", ", Austin TX",
      " - Full Time", " (Part-Time)", " - Night Shift", " (Contract)", " - Houston, Texas", " | Hybrid", " - Temp",
      " - Bilingual", " - Days", " (Seasonal)", " - Atlanta GA");
  private static final List<String> COMPANIES = List.of(" at Acme", " - Northwind Corp", " (Globex)", " @ Initech",
      " - Contoso LLC", " - Hooli Inc.");
  private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
      Map.entry("manager", List.of("Mgr", "Mgr.", "MGR")),
      Map.entry("management", List.of("Mgmt", "Mgt")),
      Map.entry("engineer", List.of("Eng", "Engr", "Eng.")),
      Map.entry("engineering", List.of("Eng", "Engg")),
      Map.entry("assistant", List.of("Asst", "Asst.", "Assist.")),
      Map.entry("administrator", List.of("Admin", "Adm.")),
      Map.entry("administrative", List.of("Admin")),
      Map.entry("technician", List.of("Tech", "Techn.")),
      Map.entry("technologist", List.of("Tech")),
      Map.entry("specialist", List.of("Spec", "Spclst", "Specialist")),
      Map.entry("representative", List.of("Rep", "Rep.", "Repr")),
      Map.entry("director", List.of("Dir", "Dir.")),
      Map.entry("coordinator", List.of("Coord", "Coord.")),
      Map.entry("associate", List.of("Assoc", "Assoc.")),
      Map.entry("supervisor", List.of("Supv", "Supvr", "Sup.")),
      Map.entry("maintenance", List.of("Maint", "Maint.")),
      Map.entry("accountant", List.of("Acct")),
      Map.entry("accounting", List.of("Acctg")),
      Map.entry("software", List.of("SW", "S/W")),
      Map.entry("development", List.of("Dev", "Devt")),
      Map.entry("developer", List.of("Dev")),
      Map.entry("operations", List.of("Ops")),
      Map.entry("operator", List.of("Oper", "Op")),
      Map.entry("department", List.of("Dept")),
      Map.entry("customer", List.of("Cust")),
      Map.entry("service", List.of("Svc", "Svcs")),
      Map.entry("services", List.of("Svcs")),
      Map.entry("information", List.of("Info")),
      Map.entry("analyst", List.of("Anlst")),
      Map.entry("senior", List.of("Sr", "Sr.")),
      Map.entry("junior", List.of("Jr", "Jr.")),
      Map.entry("and", List.of("&", "/")),
      Map.entry("teacher", List.of("Tchr")),
      Map.entry("production", List.of("Prod")),
      Map.entry("president", List.of("Pres")),
      Map.entry("vice", List.of("V.")),
      Map.entry("executive", List.of("Exec")),
      Map.entry("medical", List.of("Med")),
      Map.entry("international", List.of("Intl")),
      Map.entry("warehouse", List.of("Whse")),
      Map.entry("general", List.of("Gen")),
      Map.entry("clerk", List.of("Clk")));
  private static final Map<String, String> PHRASES = Map.ofEntries(
      Map.entry("registered nurse", "RN"),
      Map.entry("licensed practical nurse", "LPN"),
      Map.entry("certified nursing assistant", "CNA"),
      Map.entry("nurse practitioner", "NP"),
      Map.entry("information technology", "IT"),
      Map.entry("human resources", "HR"),
      Map.entry("quality assurance", "QA"),
      Map.entry("customer service", "CS"),
      Map.entry("chief executive officer", "CEO"),
      Map.entry("chief financial officer", "CFO"),
      Map.entry("vice president", "VP"),
      Map.entry("heating, ventilation, and air conditioning", "HVAC"),
      Map.entry("truck driver", "CDL Driver"),
      Map.entry("physical therapist", "PT"),
      Map.entry("occupational therapist", "OT"),
      Map.entry("emergency medical technician", "EMT"),
      Map.entry("certified public accountant", "CPA"),
      Map.entry("user experience", "UX"),
      Map.entry("research and development", "R&D"));
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*");

  private final Random random;

  public TitleNoise(Random random) {
    this.random = random;
  }

  /** A noisy variant of {@code title}: between none and four changes, a third of titles unchanged. */
  public String apply(String title) {
    String t = title.strip();
    if (random.nextInt(3) == 0) {
      return t;
    }
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      t = switch (random.nextInt(10)) {
        case 0 -> pick(SENIORITY) + " " + t;
        case 1 -> t + pick(GRADES);
        case 2 -> t + requisition();
        case 3 -> t + pick(TAGS);
        case 4 -> abbreviate(t);
        case 5 -> headFirst(t);
        case 6 -> t + pick(COMPANIES);
        case 7 -> typo(t);
        case 8 -> singular(t);
        default -> recase(t);
      };
    }
    return t;
  }

  private String requisition() {
    int n = 1000 + random.nextInt(90000);
    return switch (random.nextInt(4)) {
      case 0 -> " - REQ" + n;
      case 1 -> " (JC" + (n % 100) + ")";
      case 2 -> " #" + n;
      default -> " R-" + n;
    };
  }

  /** One phrase or word shortened as people shorten it. */
  private String abbreviate(String t) {
    String lower = t.toLowerCase(Locale.ROOT);
    List<String> phrases = PHRASES.keySet().stream().filter(lower::contains).sorted().toList();
    if (!phrases.isEmpty() && random.nextBoolean()) {
      String phrase = phrases.get(random.nextInt(phrases.size()));
      int at = lower.indexOf(phrase);
      return t.substring(0, at) + PHRASES.get(phrase) + t.substring(at + phrase.length());
    }
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      if (ABBREVIATIONS.containsKey(m.group().toLowerCase(Locale.ROOT))) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    if (spans.isEmpty()) {
      return t;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    String word = t.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    return t.substring(0, span[0]) + pick(ABBREVIATIONS.get(word)) + t.substring(span[1]);
  }

  /** "Marketing Manager" → "Manager, Marketing". */
  private String headFirst(String t) {
    String[] words = t.split(" ");
    if (words.length < 2 || t.contains(",")) {
      return t;
    }
    String head = words[words.length - 1];
    return head + ", " + String.join(" ", List.of(words).subList(0, words.length - 1));
  }

  /** Two neighbouring letters swapped, or one dropped, in a word of five letters or more. */
  private String typo(String t) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      if (m.end() - m.start() >= 5) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    if (spans.isEmpty()) {
      return t;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    int at = span[0] + 1 + random.nextInt(span[1] - span[0] - 2);
    return random.nextBoolean()
        ? t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2)
        : t.substring(0, at) + t.substring(at + 1);
  }

  /** O*NET names occupations in the plural ("Registered Nurses"); a job is singular. */
  private String singular(String t) {
    return t.replaceFirst("(?<=\\p{L}{3})(?<![su])s$", "");
  }

  private String recase(String t) {
    return random.nextInt(3) == 0 ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT);
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
