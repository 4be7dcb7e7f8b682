package dev.jobcode.eval;

import dev.jobcode.corpus.Cv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated CVs rewritten the way people write theirs, to measure on something nearer real files
 * than the generator's tidy layout: the name on top and no headline, the skills first as a bulleted
 * list, section headings in capitals, and, in half of them, the bullets and dashes garbled as UTF-8
 * read as Windows-1252 ({@code â€¢}, {@code â€“}), as text copied out of a mis-decoded file is.
 */
public final class CvStyles {
  private CvStyles() {}

  /** How a CV's text is written. */
  public enum Style {
    /** As the generator writes it: headline first, then summary, skills and experience. */
    GENERATED,
    /** As above, rewritten as people write it ({@link #asPeopleWrite}). */
    PEOPLE
  }

  /** The CV as a person would have written it; deterministic for a given {@code seed}. */
  public static Cv asPeopleWrite(Cv cv, long seed) {
    Random random = new Random(seed ^ cv.id().hashCode());
    boolean garbled = random.nextBoolean();
    String bullet = garbled ? (random.nextBoolean() ? "â€¢ " : "â¢ ") : "• ";
    String dash = garbled ? " â€“ " : " – ";
    StringBuilder text = new StringBuilder();
    text.append(cv.name() != null ? cv.name() : "Curriculum Vitae").append('\n');
    if (cv.skills() != null && !cv.skills().isEmpty()) {
      text.append("SKILLS\n");
      for (String skill : cv.skills()) {
        text.append(bullet).append(skill).append('\n');
      }
    }
    if (cv.summary() != null) {
      text.append("PROFILE\n").append(cv.summary()).append('\n');
    }
    if (cv.experience() != null && !cv.experience().isEmpty()) {
      text.append("EXPERIENCE\n");
      List<String> lines = new ArrayList<>(cv.text().lines().filter(l -> l.startsWith("- ")).toList());
      for (int i = 0; i < cv.experience().size(); i++) {
        Cv.Role role = cv.experience().get(i);
        String task = i < lines.size() ? lines.get(i).replaceFirst("^- [^:]*: ", "") : "";
        text.append(bullet).append(role.employer()).append(dash).append(role.title())
            .append(String.format(Locale.ROOT, " (%d yrs)", role.years())).append('\n');
        if (!task.isEmpty()) {
          text.append("  ").append(task).append('\n');
        }
      }
    }
    if (garbled) {
      return with(cv, text.toString().replace("’", "â€™").strip());
    }
    return with(cv, text.toString().strip());
  }

  private static Cv with(Cv cv, String text) {
    return new Cv(cv.id(), cv.name(), null, cv.onetCode(), cv.onetTitle(), cv.majorGroup(), cv.level(), cv.years(),
        cv.it(), cv.summary(), cv.skills(), cv.experience(), text);
  }
}
