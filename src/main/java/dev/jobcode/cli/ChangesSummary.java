package dev.jobcode.cli;

import dev.jobcode.json.Json;
import dev.jobcode.table.TemporaryFiles;
import dev.jobcode.taxonomy.TaxonomyDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A taxonomy diff for people to read: the counts, the major groups that moved most, the first changes of each kind. */
final class ChangesSummary {
  static final int DEFAULT_LIMIT = 10;

  private ChangesSummary() {}

  static void print(TaxonomyDiff diff, int limit, PrintWriter out) {
    TaxonomyDiff.Counts c = diff.counts();
    out.printf(Locale.ROOT, "%s %s → %s %s: %,d → %,d occupations%n", diff.from().name(), diff.from().version(),
        diff.to().name(), diff.to().version(), c.occupationsBefore(), c.occupationsAfter());
    out.printf(Locale.ROOT, "  added %,d, removed %,d, retitled %,d, redescribed %,d, alternate titles or tasks "
        + "changed %,d (%,d kept occupations changed in any way)%n", c.added(), c.removed(), c.retitled(),
        c.redescribed(), c.withTextChanges(), c.changed());
    out.printf(Locale.ROOT, "  alternate titles +%,d -%,d, tasks +%,d -%,d (in kept occupations)%n",
        c.alternateTitlesAdded(), c.alternateTitlesRemoved(), c.tasksAdded(), c.tasksRemoved());

    List<TaxonomyDiff.GroupCounts> moved = diff.byMajorGroup().stream().filter(g -> g.moved() > 0)
        .sorted(Comparator.comparingInt(TaxonomyDiff.GroupCounts::moved).reversed()
            .thenComparing(TaxonomyDiff.GroupCounts::majorGroup)).toList();
    section(out, "major groups, most moved first", moved, limit, g -> String.format(Locale.ROOT,
        "%s %-58.58s %,4d → %,4d  +%d -%d  changed %,d (retitled %d, redescribed %d, texts %d)", g.majorGroup(),
        g.title() == null ? "" : g.title(), g.occupationsBefore(), g.occupationsAfter(), g.added(), g.removed(),
        g.changed(), g.retitled(), g.redescribed(), g.withTextChanges()));
    section(out, "added", diff.added(), limit, o -> o.code() + "  " + o.title());
    section(out, "removed", diff.removed(), limit, o -> o.code() + "  " + o.title());
    section(out, "retitled", diff.retitled(), limit, o -> o.code() + "  " + o.oldTitle() + " → " + o.newTitle());
    section(out, "redescribed", diff.redescribed(), limit, o -> o.code() + "  " + o.title());
    section(out, "alternate titles and tasks changed", diff.texts(), limit, o -> String.format(Locale.ROOT,
        "%s  %s: alternate titles +%d -%d, tasks +%d -%d", o.code(), o.title(), o.alternateTitlesAdded().size(),
        o.alternateTitlesRemoved().size(), o.tasksAdded().size(), o.tasksRemoved().size()));
  }

  private static <T> void section(PrintWriter out, String name, List<T> items, int limit, Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%s (%,d)%s:%n", name, items.size(),
        items.size() > limit ? String.format(Locale.ROOT, ", the first %,d", limit) : "");
    items.stream().limit(limit).forEach(item -> out.println("  " + line.apply(item)));
  }

  /** Writes the whole diff as JSON, atomically: a failed write leaves no half of a file. */
  static void write(TaxonomyDiff diff, Path file) {
    try {
      TemporaryFiles.replace(file, tmp -> Json.write(tmp, diff));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
