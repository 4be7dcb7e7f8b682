package dev.jobcode.candidates;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.classify.LevelReader;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.corpus.Cv;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.taxonomy.ItOccupations;
import dev.jobcode.taxonomy.OnetCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels for CVs that came without them, from jobcode itself. The occupation, by what measured best
 * on held-out generated CVs ({@code candidates eval}):
 * <ol>
 *   <li>a CV given with a headline: the occupation classifier over it as the title and the text as
 *       the description, 78.8% top-1 against the kNN vote's 70.0%;</li>
 *   <li>a CV without one (a file: a CV's first line is as often a name as a job title): the kNN vote
 *       of the pool's nearest CVs labelled by their owners, when it has at least
 *       {@link CandidateSearch#DEFAULT_VOTERS}; on CVs written as people write them 66.8% against the
 *       classifier's 40.3%;</li>
 *   <li>else the classifier, over a short first line that is not the name, a heading or a contact
 *       as the title, or over the text alone.</li>
 * </ol>
 * The major group and the IT flag follow from the occupation; the level is read from the headline,
 * and the years of experience from the text, only where they are stated. A label the caller gave
 * always wins. Inferred labels are named, so that they filter but never vote.
 */
public final class LabelInference {
  /** A CV with its labels filled in, and the names of those jobcode inferred. */
  public record Labelled(Cv cv, List<String> inferred) {}

  /** A first line longer than this is a sentence, not a headline. */
  static final int MAX_HEADLINE_CHARS = 120;

  private static final Pattern YEARS = Pattern.compile(
      "(?i)\\b(\\d{1,2})\\+?\\s*(?:years?|yrs?)\\b(?:\\s+of)?(?:\\s+\\w+){0,3}?\\s+(?:experience|exp)\\b"
          + "|\\b(?:experience|exp)\\b[^.\\n\\d]{0,20}?\\b(\\d{1,2})\\+?\\s*(?:years?|yrs?)\\b");

  private final Classifier classifier;
  private final CandidateStore pool;

  /** With {@code classifier}; {@code pool} (null: none) gives the voters for CVs without a headline. */
  public LabelInference(Classifier classifier, CandidateStore pool) {
    this.classifier = classifier;
    this.pool = pool;
  }

  /** An occupation: its code and title. */
  private record Occupation(String code, String title) {}

  /**
   * Fills in the labels each CV lacks; CVs with an occupation are not classified again.
   *
   * @param vectors each CV's own unit vector (the pool's model), for the vote
   * @param nonVoters CVs that may not vote (held out under evaluation)
   */
  public List<Labelled> infer(List<Cv> cvs, List<float[]> vectors, Set<String> nonVoters) {
    boolean voters = pool != null && pool.meta().labelled() >= CandidateSearch.DEFAULT_VOTERS;
    List<Query> queries = new ArrayList<>();
    List<Integer> slot = new ArrayList<>();
    List<Occupation> voted = new ArrayList<>();
    for (int i = 0; i < cvs.size(); i++) {
      Cv cv = cvs.get(i);
      Occupation byVote = null;
      if (cv.onetCode() == null && voters && (cv.headline() == null || cv.headline().isBlank())) {
        var vote = CandidateSearch.of(classifier, pool).vote(vectors.get(i), CandidateSearch.DEFAULT_VOTERS, nonVoters);
        if (!vote.occupations().isEmpty()) {
          String code = vote.occupations().get(0).value();
          byVote = new Occupation(code, vote.titles().get(code));
        }
      }
      voted.add(byVote);
      slot.add(cv.onetCode() == null && byVote == null ? queries.size() : -1);
      if (cv.onetCode() == null && byVote == null) {
        queries.add(query(cv));
      }
    }
    List<Classification> answers = queries.isEmpty() ? List.of() : classifier.classifyAll(queries);
    List<Labelled> labelled = new ArrayList<>(cvs.size());
    for (int i = 0; i < cvs.size(); i++) {
      int s = slot.get(i);
      Occupation found = voted.get(i);
      if (s >= 0 && !answers.get(s).results().isEmpty()) {
        var best = answers.get(s).results().get(0).occupation();
        found = new Occupation(best.code(), best.title());
      }
      labelled.add(fill(cvs.get(i), found));
    }
    return labelled;
  }

  private Labelled fill(Cv cv, Occupation found) {
    List<String> inferred = new ArrayList<>();
    String code = cv.onetCode();
    String title = cv.onetTitle();
    if (code == null && found != null) {
      code = found.code();
      title = found.title();
      inferred.add("onet_code");
    }
    String major = cv.majorGroup();
    if (major == null && code != null) {
      major = OnetCodes.majorGroup(code);
      if (inferred.contains("onet_code")) {
        inferred.add("major_group");
      }
    }
    String level = cv.level();
    if (level == null) {
      LevelReader.Reading reading = LevelReader.read(headline(cv));
      if (reading.stated()) {
        level = reading.level().id();
        inferred.add("level");
      }
    }
    Integer years = cv.years();
    if (years == null) {
      years = years(cv.text());
      if (years != null) {
        inferred.add("years");
      }
    }
    Boolean it = cv.it();
    if (it == null && code != null) {
      it = ItOccupations.isIt(code);
      inferred.add("it");
    }
    Cv filled = new Cv(cv.id(), cv.name(), cv.headline(), code, title, major, level, years, it, cv.summary(),
        cv.skills(), cv.experience(), cv.text());
    return new Labelled(filled, List.copyOf(inferred));
  }

  /** The classify query for a CV: its headline (or short first line) and its text, or the text alone. */
  public static Query query(Cv cv) {
    String text = clip(cv.text(), Query.MAX_DESCRIPTION_CHARS);
    String headline = headline(cv);
    if (headline.isBlank()) {
      return Query.ofText(text, 1, Mode.DEFAULT);
    }
    return new Query(clip(headline, Query.MAX_TITLE_CHARS), text, 1, Mode.DEFAULT);
  }

  /**
   * The CV's headline, else its first line when that is short enough to be one, passing over the
   * person's name, section headings ("SKILLS", "Experience:") and contact lines; else "".
   */
  static String headline(Cv cv) {
    if (cv.headline() != null && !cv.headline().isBlank()) {
      return cv.headline().strip();
    }
    String first = cv.text().strip().lines().map(String::strip).filter(l -> !l.isEmpty())
        .filter(l -> cv.name() == null || !l.equalsIgnoreCase(cv.name().strip()))
        .filter(l -> !HEADING.matcher(l).matches() && !CONTACT.matcher(l).find())
        .findFirst().orElse("");
    boolean bullet = !first.isEmpty() && !Character.isLetterOrDigit(first.codePointAt(0));
    return !bullet && first.length() <= MAX_HEADLINE_CHARS && first.split("\\s+").length <= 12 ? first : "";
  }

  /** A section heading: a known one, or one word in capitals, with or without a colon. */
  private static final Pattern HEADING = Pattern.compile("(?i:(?:professional\\s+)?(?:summary|profile|skills?|"
      + "experience|work history|employment|education|contact|objective|about me|curriculum vitae|r[eé]sum[eé]|cv|"
      + "languages|certifications?|references|key skills|technical skills)\\s*:?)|\\p{Lu}{3,20}:?");
  /** An e-mail address, a web address or a phone number. */
  private static final Pattern CONTACT = Pattern.compile("@|https?://|www\\.|\\+?\\d[\\d ()-]{7,}\\d");

  /** Years of experience where the text states them ("7 years of experience", "Experience: 12+ yrs"). */
  static Integer years(String text) {
    Matcher m = YEARS.matcher(text);
    while (m.find()) {
      String n = m.group(1) != null ? m.group(1) : m.group(2);
      int years = Integer.parseInt(n);
      if (years <= 70) {
        return years;
      }
    }
    return null;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

}
