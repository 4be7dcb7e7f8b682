package dev.jobcode.classify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the function a chief officer's title names ("CTO", "Chief Financial Officer"). O*NET files
 * every chief officer under Chief Executives (11-1011), so without this a CTO's job family would be
 * Management; the title says it is Technical/IT.
 */
public final class FunctionReader {

  /** The family the title names, and the words that said so. */
  public record Reading(JobFamily family, String cue) {}

  private record Rule(JobFamily family, Pattern pattern) {}

  // Matched against LevelReader.spacedWords(title).
  private static final List<Rule> RULES = List.of(
      rule(JobFamily.TECHNICAL_IT, " (cto|cio|ciso|cdo|chief (technology|technical|information|information security"
          + "|digital|data|security|software|architecture) officer) "),
      rule(JobFamily.BUSINESS_FINANCE, " (cfo|chro|chief (financial|finance|people|human resources|investment) officer) "),
      rule(JobFamily.SALES_MARKETING, " (cmo|chief (marketing|sales|commercial|revenue|brand|customer) officer) "));

  private FunctionReader() {}

  private static Rule rule(JobFamily family, String regex) {
    return new Rule(family, Pattern.compile(regex));
  }

  /** The first function named, in title order; empty when the title names none. */
  public static Optional<Reading> read(String title) {
    String text = LevelReader.spacedWords(title);
    Reading first = null;
    int at = Integer.MAX_VALUE;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(text);
      if (m.find() && m.start() < at) {
        at = m.start();
        first = new Reading(rule.family(), m.group().strip());
      }
    }
    return Optional.ofNullable(first);
  }
}
