package dev.jobcode.taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * What changed from one taxonomy release to the next: occupations added and removed (by O*NET-SOC
 * code), retitled and redescribed; per occupation kept, the alternate titles and tasks added and
 * removed; and the counts of all that, in total and by major group.
 *
 * <p>Texts are compared as the same text when they are equal after trimming, collapsing white space
 * and ignoring case: the loader and the index already keep one text per occupation on that rule (an
 * index stores one spelling of a text that several occupations share), so an index and the O*NET
 * folder it was built from compare as equal. Reported titles are not compared (30.0 has none), and
 * the texts of an added or removed occupation are not listed again as texts added or removed, nor is
 * a task that repeats its occupation's description, which an index keeps once, as the description.
 * Every list is sorted by code, and texts by their compared form, so the same releases always give
 * the same diff.
 *
 * @param byMajorGroup one entry per major group that either release has, by group code
 * @param texts one entry per occupation in both releases whose alternate titles or tasks changed
 */
public record TaxonomyDiff(Release from, Release to, Counts counts, List<GroupCounts> byMajorGroup,
                           List<OccupationRef> added, List<OccupationRef> removed, List<Retitled> retitled,
                           List<Redescribed> redescribed, List<TextChanges> texts) {
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  public TaxonomyDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(counts, "counts");
    byMajorGroup = List.copyOf(byMajorGroup);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    retitled = List.copyOf(retitled);
    redescribed = List.copyOf(redescribed);
    texts = List.copyOf(texts);
  }

  /** A release: its taxonomy name and version. */
  public record Release(String name, String version) {}

  /** An occupation named by its code and (latest) title. */
  public record OccupationRef(String code, String title) {}

  public record Retitled(String code, String oldTitle, String newTitle) {}

  public record Redescribed(String code, String title, String oldDescription, String newDescription) {}

  /** The alternate titles and tasks one occupation gained and lost; each list sorted. */
  public record TextChanges(String code, String title, List<String> alternateTitlesAdded,
                            List<String> alternateTitlesRemoved, List<String> tasksAdded, List<String> tasksRemoved) {
    public TextChanges {
      alternateTitlesAdded = List.copyOf(alternateTitlesAdded);
      alternateTitlesRemoved = List.copyOf(alternateTitlesRemoved);
      tasksAdded = List.copyOf(tasksAdded);
      tasksRemoved = List.copyOf(tasksRemoved);
    }

    boolean isEmpty() {
      return alternateTitlesAdded.isEmpty() && alternateTitlesRemoved.isEmpty() && tasksAdded.isEmpty()
          && tasksRemoved.isEmpty();
    }
  }

  /**
   * The totals.
   *
   * @param changed occupations in both releases that were retitled, redescribed or had texts changed
   */
  public record Counts(int occupationsBefore, int occupationsAfter, int added, int removed, int retitled,
                       int redescribed, int withTextChanges, int changed, int alternateTitlesAdded,
                       int alternateTitlesRemoved, int tasksAdded, int tasksRemoved) {}

  /** The counts of one major group; {@code title} is the SOC 2018 group title, when it is one. */
  public record GroupCounts(String majorGroup, String title, int occupationsBefore, int occupationsAfter, int added,
                            int removed, int retitled, int redescribed, int withTextChanges, int changed) {
    /** Occupations that came, went or changed: how much this group moved. */
    public int moved() {
      return added + removed + changed;
    }
  }

  /** Compares release {@code from} with the later release {@code to}. */
  public static TaxonomyDiff between(Taxonomy from, Taxonomy to) {
    SortedMap<String, Occupation> before = from.occupations();
    SortedMap<String, Occupation> after = to.occupations();
    Map<String, Map<TextKind, SortedMap<String, String>>> oldTexts = comparedTexts(from);
    Map<String, Map<TextKind, SortedMap<String, String>>> newTexts = comparedTexts(to);

    List<OccupationRef> added = new ArrayList<>();
    List<OccupationRef> removed = new ArrayList<>();
    List<Retitled> retitled = new ArrayList<>();
    List<Redescribed> redescribed = new ArrayList<>();
    List<TextChanges> texts = new ArrayList<>();
    after.values().stream().filter(o -> !before.containsKey(o.code()))
        .forEach(o -> added.add(new OccupationRef(o.code(), o.title())));
    before.values().stream().filter(o -> !after.containsKey(o.code()))
        .forEach(o -> removed.add(new OccupationRef(o.code(), o.title())));
    for (Occupation now : after.values()) {
      Occupation then = before.get(now.code());
      if (then == null) {
        continue;
      }
      if (!sameText(then.title(), now.title())) {
        retitled.add(new Retitled(now.code(), then.title(), now.title()));
      }
      if (!sameText(then.description(), now.description())) {
        redescribed.add(new Redescribed(now.code(), now.title(), then.description(), now.description()));
      }
      var oldOnes = oldTexts.getOrDefault(now.code(), Map.of());
      var newOnes = newTexts.getOrDefault(now.code(), Map.of());
      TextChanges change = new TextChanges(now.code(), now.title(),
          onlyIn(newOnes, oldOnes, TextKind.ALTERNATE_TITLE), onlyIn(oldOnes, newOnes, TextKind.ALTERNATE_TITLE),
          onlyIn(newOnes, oldOnes, TextKind.TASK), onlyIn(oldOnes, newOnes, TextKind.TASK));
      if (!change.isEmpty()) {
        texts.add(change);
      }
    }
    List<GroupCounts> groups = groupCounts(before, after, added, removed, retitled, redescribed, texts);
    Counts counts = new Counts(before.size(), after.size(), added.size(), removed.size(), retitled.size(),
        redescribed.size(), texts.size(), groups.stream().mapToInt(GroupCounts::changed).sum(),
        sum(texts, c -> c.alternateTitlesAdded().size()), sum(texts, c -> c.alternateTitlesRemoved().size()),
        sum(texts, c -> c.tasksAdded().size()), sum(texts, c -> c.tasksRemoved().size()));
    return new TaxonomyDiff(new Release(from.name(), from.version()), new Release(to.name(), to.version()), counts,
        groups, added, removed, retitled, redescribed, texts);
  }

  /** The form two texts are compared in: trimmed, white space collapsed, lower case. */
  static String comparedForm(String text) {
    return WHITE_SPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static boolean sameText(String a, String b) {
    return comparedForm(a).equals(comparedForm(b));
  }

  /**
   * Per code and kind (alternate titles and tasks only): each text by its compared form, sorted. A
   * task that repeats its occupation's description is left out: an index keeps that text once, as
   * the description, and would otherwise differ from the folder it was built from.
   */
  private static Map<String, Map<TextKind, SortedMap<String, String>>> comparedTexts(Taxonomy taxonomy) {
    Map<String, String> descriptions = new HashMap<>();
    taxonomy.occupations().values().forEach(o -> descriptions.put(o.code(), comparedForm(o.description())));
    Map<String, Map<TextKind, SortedMap<String, String>>> byCode = new TreeMap<>();
    for (OccupationText t : taxonomy.texts()) {
      if (t.kind() != TextKind.ALTERNATE_TITLE && t.kind() != TextKind.TASK) {
        continue;
      }
      String form = comparedForm(t.text());
      if (t.kind() == TextKind.TASK && form.equals(descriptions.get(t.code()))) {
        continue;
      }
      byCode.computeIfAbsent(t.code(), c -> new EnumMap<>(TextKind.class))
          .computeIfAbsent(t.kind(), k -> new TreeMap<>())
          .putIfAbsent(form, t.text());
    }
    return byCode;
  }

  /** The texts of {@code kind} in {@code these} that {@code others} lacks, in compared-form order. */
  private static List<String> onlyIn(Map<TextKind, SortedMap<String, String>> these,
                                     Map<TextKind, SortedMap<String, String>> others, TextKind kind) {
    SortedMap<String, String> other = others.getOrDefault(kind, new TreeMap<>());
    return these.getOrDefault(kind, new TreeMap<>()).entrySet().stream()
        .filter(e -> !other.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
  }

  private static List<GroupCounts> groupCounts(Map<String, Occupation> before, Map<String, Occupation> after,
                                               List<OccupationRef> added, List<OccupationRef> removed,
                                               List<Retitled> retitled, List<Redescribed> redescribed,
                                               List<TextChanges> texts) {
    SortedMap<String, int[]> tallies = new TreeMap<>();
    // Per group: before, after, added, removed, retitled, redescribed, with text changes, changed.
    before.keySet().forEach(code -> tally(tallies, code, 0));
    after.keySet().forEach(code -> tally(tallies, code, 1));
    added.forEach(o -> tally(tallies, o.code(), 2));
    removed.forEach(o -> tally(tallies, o.code(), 3));
    retitled.forEach(o -> tally(tallies, o.code(), 4));
    redescribed.forEach(o -> tally(tallies, o.code(), 5));
    texts.forEach(o -> tally(tallies, o.code(), 6));
    var changed = new TreeSet<String>();
    retitled.forEach(o -> changed.add(o.code()));
    redescribed.forEach(o -> changed.add(o.code()));
    texts.forEach(o -> changed.add(o.code()));
    changed.forEach(code -> tally(tallies, code, 7));
    return tallies.entrySet().stream().map(e -> {
      int[] n = e.getValue();
      return new GroupCounts(e.getKey(), MajorGroups.title(e.getKey()).orElse(null), n[0], n[1], n[2], n[3], n[4],
          n[5], n[6], n[7]);
    }).toList();
  }

  private static void tally(SortedMap<String, int[]> tallies, String code, int column) {
    tallies.computeIfAbsent(OnetCodes.majorGroup(code), g -> new int[8])[column]++;
  }

  private static <T> int sum(List<T> list, ToIntFunction<T> size) {
    return list.stream().mapToInt(size).sum();
  }
}
