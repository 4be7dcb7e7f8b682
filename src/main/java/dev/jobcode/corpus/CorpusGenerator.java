package dev.jobcode.corpus;

import dev.jobcode.taxonomy.ItOccupations;
import dev.jobcode.taxonomy.JobLevel;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OccupationText;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.Taxonomy;
import dev.jobcode.taxonomy.TextKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a deterministic corpus of fictional CVs from O*NET facts: the same taxonomy, facts, count
 * and seed give the same CVs, byte for byte.
 *
 * <p>Each CV: an occupation drawn in proportion to US employment (BLS Occupational Employment and
 * Wage Statistics, rounded): the thirty largest occupations by their own employment, the rest of
 * each major group's share spread over its other occupations by the square root of (1 + their
 * alternate titles) (a proxy for how common they are); IT occupations {@value #IT_WEIGHT} times as
 * often, as in a recruiter's pool; a level (management occupations are manager and up,
 * Chief Executives c-level, vp or owner; others intern to lead); years of experience in the level's
 * range; a headline from one of the occupation's titles; a summary from three of its tasks; skills
 * from its technology skills (hot ones first) and tools; the current role and, for five or more
 * years, one or two earlier roles in related occupations (O*NET's Related Occupations when the data
 * has them, else occupations in the same SOC minor group, else major group).
 */
public final class CorpusGenerator {
  static final int IT_WEIGHT = 6;

  private static final String[] FIRST = {"Avery", "Blake", "Camila", "Dario", "Elena", "Farid", "Greta", "Hiro",
      "Imani", "Jonas", "Kira", "Luca", "Mira", "Nikhil", "Olivia", "Pavel", "Quinn", "Rosa", "Soren", "Tamsin",
      "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zara", "Amara", "Bruno", "Chloe", "Dmitri", "Esme", "Felix",
      "Hana", "Ivo", "Jada", "Kofi", "Lena", "Mateo", "Noor", "Oskar"};
  private static final String[] LAST = {"Abara", "Bellweather", "Castellan", "Dunmore", "Eskildsen", "Farrow",
      "Galloway", "Hallberg", "Ibarra", "Jovanovic", "Kestrel", "Lindqvist", "Marlowe", "Nakamura", "Okafor",
      "Pemberton", "Quintero", "Rasmussen", "Sandoval", "Thorne", "Underhill", "Valdivia", "Whitlock", "Yamada",
      "Zielinski", "Ashdown", "Brannigan", "Corvino", "Delacroix", "Ferreira"};
  private static final String[] EMPLOYER = {"Northwind", "Bluepeak", "Cedarline", "Harborview", "Summitry",
      "Riverbend", "Ironwood", "Lakeshore", "Maplegate", "Granite Ridge", "Silverline", "Oakhurst",
      "Brightwater", "Redstone", "Westfield", "Pinecrest"};
  private static final String[] EMPLOYER_KIND = {"Group", "Partners", "Industries", "Services", "Solutions", "Labs",
      "Holdings", "Systems", "Works", "Health", "Logistics", "Associates"};
  /** Employment of the largest occupations by SOC code, thousands (BLS OEWS, rounded to 100k). */
  private static final Map<String, Integer> LARGE_OCCUPATIONS = Map.ofEntries(
      Map.entry("31-1122", 3700), Map.entry("41-2031", 3700), Map.entry("35-3023", 3600), Map.entry("41-2011", 3300),
      Map.entry("11-1021", 3300), Map.entry("29-1141", 3200), Map.entry("53-7062", 3000), Map.entry("43-4051", 2800),
      Map.entry("53-7065", 2800), Map.entry("43-9061", 2500), Map.entry("35-3031", 2200), Map.entry("37-2011", 2100),
      Map.entry("53-3032", 2000), Map.entry("43-6014", 1700), Map.entry("15-1252", 1600), Map.entry("49-9071", 1500),
      Map.entry("43-3031", 1500), Map.entry("43-1011", 1500), Map.entry("13-2011", 1400), Map.entry("35-2014", 1400),
      Map.entry("25-2021", 1400), Map.entry("41-4012", 1400), Map.entry("31-1131", 1300), Map.entry("25-9042", 1300),
      Map.entry("41-1011", 1100), Map.entry("35-2021", 900), Map.entry("13-1082", 900), Map.entry("37-3011", 900),
      Map.entry("13-1111", 900), Map.entry("31-9092", 800));
  private static final int US_EMPLOYMENT_THOUSANDS = 151_000;

  /** Approximate % of US employment by SOC major group (BLS OEWS, rounded). */
  private static final Map<String, Double> EMPLOYMENT_SHARE = Map.ofEntries(
      Map.entry("11", 6.6), Map.entry("13", 6.4), Map.entry("15", 3.3), Map.entry("17", 1.8), Map.entry("19", 0.9),
      Map.entry("21", 1.6), Map.entry("23", 0.8), Map.entry("25", 5.9), Map.entry("27", 1.4), Map.entry("29", 6.1),
      Map.entry("31", 4.8), Map.entry("33", 2.3), Map.entry("35", 8.9), Map.entry("37", 2.9), Map.entry("39", 2.2),
      Map.entry("41", 8.8), Map.entry("43", 12.6), Map.entry("45", 0.3), Map.entry("47", 4.2), Map.entry("49", 4.0),
      Map.entry("51", 5.8), Map.entry("53", 9.2), Map.entry("55", 0.2));
  private static final Pattern PLAIN_TITLE = Pattern.compile("[\\p{L} ,&'/-]{3,60}");

  private final Taxonomy taxonomy;
  private final OnetFacts facts;
  private final List<String> codes = new ArrayList<>();
  private final double[] cumulative;
  private final Map<String, List<String>> titles = new TreeMap<>();
  private final Map<String, List<String>> tasks = new TreeMap<>();

  public CorpusGenerator(Taxonomy taxonomy, OnetFacts facts) {
    this.taxonomy = taxonomy;
    this.facts = facts;
    for (OccupationText t : taxonomy.texts()) {
      if (t.kind() == TextKind.TASK) {
        tasks.computeIfAbsent(t.code(), c -> new ArrayList<>()).add(t.text());
      } else if (t.kind() == TextKind.ALTERNATE_TITLE && PLAIN_TITLE.matcher(t.text()).matches()
          && t.text().split(" ").length <= 5) {
        titles.computeIfAbsent(t.code(), c -> new ArrayList<>()).add(t.text());
      }
    }
    // Thousands employed: a large occupation's own figure (its O*NET codes share it); the rest of
    // its group's share (at least a tenth of it) spread over the group's other occupations.
    Map<String, Double> groupTitles = new TreeMap<>();
    Map<String, Integer> codesPerSoc = new TreeMap<>();
    List<Double> weights = new ArrayList<>();
    for (Occupation o : taxonomy.occupations().values()) {
      if (tasks.containsKey(o.code())) {
        codes.add(o.code());
        double w = Math.sqrt(1 + titles.getOrDefault(o.code(), List.of()).size());
        weights.add(w);
        String soc = OnetCodes.soc6(o.code());
        codesPerSoc.merge(soc, 1, Integer::sum);
        if (!LARGE_OCCUPATIONS.containsKey(soc)) {
          groupTitles.merge(o.majorGroup(), w, Double::sum);
        }
      }
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String group = OnetCodes.majorGroup(code);
      String soc = OnetCodes.soc6(code);
      double w;
      if (LARGE_OCCUPATIONS.containsKey(soc)) {
        w = LARGE_OCCUPATIONS.get(soc) / (double) codesPerSoc.get(soc);
      } else {
        double groupTotal = EMPLOYMENT_SHARE.getOrDefault(group, 0.5) / 100 * US_EMPLOYMENT_THOUSANDS;
        double rest = Math.max(groupTotal / 10, groupTotal - largeIn(group));
        w = rest * weights.get(i) / groupTitles.get(group);
      }
      weights.set(i, ItOccupations.isIt(code) ? w * IT_WEIGHT : w);
    }
    if (codes.isEmpty()) {
      throw new CorpusException("the taxonomy has no occupation with tasks to write CVs from");
    }
    cumulative = new double[codes.size()];
    double sum = 0;
    for (int i = 0; i < codes.size(); i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
  }

  private static double largeIn(String group) {
    return LARGE_OCCUPATIONS.entrySet().stream().filter(e -> e.getKey().startsWith(group + "-"))
        .mapToInt(Map.Entry::getValue).sum();
  }

  /** {@code count} CVs, ids cv-00001 …, from {@code seed}. */
  public List<Cv> generate(int count, long seed) {
    if (count < 1) {
      throw new CorpusException("--count must be at least 1, got " + count);
    }
    Random random = new Random(seed);
    List<Cv> cvs = new ArrayList<>(count);
    String format = "cv-%0" + Math.max(5, String.valueOf(count).length()) + "d";
    for (int i = 1; i <= count; i++) {
      cvs.add(cv(String.format(Locale.ROOT, format, i), random));
    }
    return cvs;
  }

  private Cv cv(String id, Random random) {
    String code = draw(random);
    Occupation occupation = taxonomy.occupations().get(code);
    JobLevel level = level(code, random);
    int years = years(level, random);
    String base = pick(titles.getOrDefault(code, List.of(singular(occupation.title()))), random);
    String headline = headline(base, level, random);
    String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    List<String> own = sample(tasks.get(code), 3, random);
    String summary = String.format(Locale.ROOT, "%s with %s of experience. %s", headline, plural(years, "year"),
        String.join(" ", own));
    List<String> skills = skills(code, random);

    List<Cv.Role> roles = new ArrayList<>();
    int current = level == JobLevel.INTERN ? 0 : Math.min(years, 1 + random.nextInt(5));
    if (years - current < 2) {
      current = years;                      // too little left for an earlier role
    }
    roles.add(new Cv.Role(headline, code, employer(random), current));
    int left = years - current;
    for (int n = 0; n < 2 && left > 0; n++) {
      String earlierCode = related(code, random);
      // The second (and last) earlier role takes what is left, so the roles add up to the years.
      int spent = n == 1 || left < 4 ? left : left / 2 + random.nextInt(left / 2);
      String earlierTitle = pick(titles.getOrDefault(earlierCode,
          List.of(singular(taxonomy.occupations().get(earlierCode).title()))), random);
      roles.add(new Cv.Role(earlierTitle, earlierCode, employer(random), spent));
      left -= spent;
    }

    StringBuilder text = new StringBuilder();
    text.append(headline).append('\n').append(summary).append('\n');
    if (!skills.isEmpty()) {
      text.append("Skills: ").append(String.join(", ", skills)).append('\n');
    }
    text.append("Experience:\n");
    for (int r = 0; r < roles.size(); r++) {
      Cv.Role role = roles.get(r);
      String task = r == 0 ? own.get(0) : pick(tasks.get(role.onetCode()), random);
      text.append(String.format(Locale.ROOT, "- %s at %s (%s): %s%n", role.title(), role.employer(),
          role.years() == 0 ? "internship" : plural(role.years(), "year"), task));
    }
    return new Cv(id, name, headline, code, occupation.title(), OnetCodes.majorGroup(code), level.id(), years,
        ItOccupations.isIt(code), summary, skills, roles, text.toString().strip());
  }

  private String draw(Random random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return codes.get(i >= 0 ? i : -i - 1);
  }

  private static JobLevel level(String code, Random random) {
    double x = random.nextDouble();
    if (OnetCodes.soc6(code).equals("11-1011")) {
      return x < 0.5 ? JobLevel.C_LEVEL : x < 0.8 ? JobLevel.VP : JobLevel.OWNER;
    }
    if (OnetCodes.majorGroup(code).equals("11")) {
      return x < 0.55 ? JobLevel.MANAGER : x < 0.85 ? JobLevel.DIRECTOR : x < 0.96 ? JobLevel.VP : JobLevel.OWNER;
    }
    return x < 0.05 ? JobLevel.INTERN : x < 0.22 ? JobLevel.JUNIOR : x < 0.62 ? JobLevel.SPECIALIST
        : x < 0.89 ? JobLevel.SENIOR : JobLevel.LEAD;
  }

  private static int years(JobLevel level, Random random) {
    int[] range = switch (level) {
      case INTERN -> new int[] {0, 0};
      case JUNIOR -> new int[] {0, 2};
      case SPECIALIST -> new int[] {2, 7};
      case SENIOR -> new int[] {6, 14};
      case LEAD -> new int[] {8, 18};
      case MANAGER -> new int[] {6, 16};
      case DIRECTOR -> new int[] {10, 22};
      case VP -> new int[] {14, 26};
      case C_LEVEL -> new int[] {16, 32};
      case OWNER -> new int[] {8, 30};
    };
    return range[0] + random.nextInt(range[1] - range[0] + 1);
  }

  private static String headline(String title, JobLevel level, Random random) {
    String function = title.replaceAll("(?i)\\s*\\b(manager|director)\\b\\s*", " ").strip();
    return switch (level) {
      case INTERN -> title + " Intern";
      case JUNIOR -> "Junior " + title;
      case SPECIALIST, MANAGER, C_LEVEL -> title;
      case SENIOR -> "Senior " + title;
      case LEAD -> "Lead " + title;
      case DIRECTOR -> function.isEmpty() || function.equals(title) ? "Director, " + title : function + " Director";
      case VP -> "Vice President, " + (function.isEmpty() ? title : function);
      case OWNER -> (random.nextBoolean() ? "Owner and " : "Founder and ") + title;
    };
  }

  private List<String> skills(String code, Random random) {
    List<String> technology = facts.technologies().getOrDefault(code, List.of());
    List<String> chosen = new ArrayList<>(technology.subList(0, Math.min(4, technology.size())));
    if (technology.size() > 4) {
      chosen.addAll(sample(technology.subList(4, technology.size()), 2, random));
    }
    chosen.addAll(sample(facts.tools().getOrDefault(code, List.of()), 2, random));
    return List.copyOf(new java.util.LinkedHashSet<>(chosen));
  }

  /** A related occupation with tasks: O*NET's list when there is one, else same minor, else major group. */
  private String related(String code, Random random) {
    List<String> related = taxonomy.occupation(code).map(Occupation::related).orElse(List.of()).stream()
        .filter(tasks::containsKey).toList();
    if (!related.isEmpty()) {
      return pick(related.subList(0, Math.min(10, related.size())), random);
    }
    String minor = code.substring(0, 4);
    List<String> near = codes.stream().filter(c -> c.startsWith(minor) && !c.equals(code)).toList();
    if (near.isEmpty()) {
      near = codes.stream().filter(c -> c.startsWith(code.substring(0, 2)) && !c.equals(code)).toList();
    }
    return near.isEmpty() ? code : pick(near, random);
  }

  private static String employer(Random random) {
    return EMPLOYER[random.nextInt(EMPLOYER.length)] + " " + EMPLOYER_KIND[random.nextInt(EMPLOYER_KIND.length)];
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private static <T> List<T> sample(List<T> list, int n, Random random) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  /** "Registered Nurses" → "Registered Nurse": O*NET titles are plural, a person's title is not. */
  static String singular(String title) {
    String first = title.split(",")[0].strip();
    if (first.endsWith("ies")) {
      return first.substring(0, first.length() - 3) + "y";
    }
    if (first.endsWith("s") && !first.endsWith("ss")) {
      return first.substring(0, first.length() - 1);
    }
    return first;
  }

  private static String plural(int n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
