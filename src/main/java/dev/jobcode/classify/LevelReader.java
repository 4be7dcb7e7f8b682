package dev.jobcode.classify;

import dev.jobcode.taxonomy.JobLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the job level a title states ("Sr.", "Head of", "Chief … Officer", "Intern"). When several
 * cues appear the highest level wins ("Senior Director" is a director; "Manager (MBA Intern)" a
 * manager). A title that states no level is {@link JobLevel#SPECIALIST}: nothing is invented.
 */
public final class LevelReader {

  /** The level read, and the words that said so (empty for the default). */
  public record Reading(JobLevel level, String cue) {
    public boolean stated() {
      return !cue.isEmpty();
    }
  }

  private record Rule(JobLevel level, Pattern pattern) {}

  // Each pattern is matched against the lower-cased title with punctuation turned into spaces and
  // single spaces around every word, so "\\bword\\b" tests are plain " word " tests.
  private static final List<Rule> RULES = List.of(
      rule(JobLevel.OWNER, " (owner|co owner|founder|co founder|cofounder|proprietor) "),
      // Officers, and the board: members, chairs and trustees sit at the top.
      rule(JobLevel.C_LEVEL, " (chief (?!of staff)(\\w+ ){0,4}officer|chief executive|ceo|cto|cfo|coo|cio|cmo|ciso|cpo"
          + "|chro|cro|cdo|cco|president(?<!vice president)|executive director|general counsel|board|chairman"
          + "|chairwoman|chairperson|chair|co chair|trustee|trustees) "),
      rule(JobLevel.VP, " (vice president|vice presidents|v p|vp|svp|evp|avp|vice chair\\w*) "),
      rule(JobLevel.DIRECTOR, " (director|directors|managing director|head of|chief of staff) | ^ ?head "),
      rule(JobLevel.MANAGER, " (manager|mgr|management|managing partner) "),
      rule(JobLevel.LEAD, " (lead|leader|head|chief|foreman|forewoman|supervisor|superintendent) "),
      rule(JobLevel.SENIOR, " (senior|sr|snr|principal|experienced) | (iii|iv) $"),
      // A lone "I" counts only at the end ("Representative I"), not in "I.T. Support".
      rule(JobLevel.JUNIOR, " (junior|jr|entry level|graduate|trainee|apprentice) | i $"),
      rule(JobLevel.INTERN, " (intern|internship|student|co op|working student|summer associate) "));

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern HEAD_OF_DEPARTMENT = Pattern.compile("(?i)\\s*head\\s*[-–:,|]");

  private LevelReader() {}

  private static Rule rule(JobLevel level, String regex) {
    return new Rule(level, Pattern.compile(regex));
  }

  /** The title lower-cased, punctuation turned into single spaces, with a space at each end. */
  static String spacedWords(String title) {
    return " " + NON_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
  }

  public static Reading read(String title) {
    String text = spacedWords(title);
    // "Head - Fashion", "Head: Sales" name a department head; "Head Chef" is a chef who leads.
    String lead = HEAD_OF_DEPARTMENT.matcher(title).lookingAt() ? " head of " : "";
    Optional<Reading> best = Optional.empty();
    Optional<Reading> vp = Optional.empty();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(lead + text);
      if (m.find()) {
        Reading r = new Reading(rule.level(), m.group().strip());
        if (rule.level() == JobLevel.VP) {
          vp = Optional.of(r);
        }
        if (best.isEmpty() || r.level().ordinal() > best.get().level().ordinal()) {
          best = Optional.of(r);
        }
      }
    }
    // "SVP and Chief Information Officer": the corporate rank, not the functional officer title.
    if (vp.isPresent() && best.get().level() == JobLevel.C_LEVEL) {
      return vp.get();
    }
    return best.orElse(new Reading(JobLevel.SPECIALIST, ""));
  }
}
