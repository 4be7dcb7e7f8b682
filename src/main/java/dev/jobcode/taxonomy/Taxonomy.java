package dev.jobcode.taxonomy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A loaded taxonomy release: its occupations by code (sorted) and every text that describes them,
 * in a deterministic order (by code, then kind, then file order).
 */
public record Taxonomy(String name, String version, SortedMap<String, Occupation> occupations,
                       List<OccupationText> texts) {
  public static final String ONET_SOC = "O*NET-SOC";

  public Taxonomy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    occupations = Collections.unmodifiableSortedMap(new TreeMap<>(occupations));
    texts = List.copyOf(texts);
  }

  public Optional<Occupation> occupation(String code) {
    return Optional.ofNullable(occupations.get(code));
  }

  /** The first {@code n} occupations by code, with their texts: a small build for benchmarks and tests. */
  public Taxonomy firstOccupations(int n) {
    TreeMap<String, Occupation> some = new TreeMap<>();
    occupations.values().stream().limit(n).forEach(o -> some.put(o.code(), o));
    return new Taxonomy(name, version, some, texts.stream().filter(t -> some.containsKey(t.code())).toList());
  }

  /** How many texts of each kind, in kind order. */
  public Map<TextKind, Integer> countsByKind() {
    Map<TextKind, Integer> counts = new java.util.EnumMap<>(TextKind.class);
    for (OccupationText t : texts) {
      counts.merge(t.kind(), 1, Integer::sum);
    }
    return counts;
  }
}
