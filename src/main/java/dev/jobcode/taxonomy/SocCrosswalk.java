package dev.jobcode.taxonomy;

import dev.jobcode.table.Table;
import dev.jobcode.table.TableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The BLS crosswalk from SOC 2010 to SOC 2018 detailed occupations: many HR systems still hold
 * 2010 codes. A 2010 code maps to one 2018 code (most are unchanged) or to several (it was split).
 *
 * @param codes every SOC 2010 detailed code, sorted, with its title and its 2018 codes (sorted)
 */
public record SocCrosswalk(SortedMap<String, Soc2010> codes) {
  /** The BLS file's name, in the SOC data folder. */
  public static final String FILE_NAME = "soc2010_soc2018_crosswalk.csv";
  public static final String FROM = "SOC 2010";
  public static final String TO = "SOC 2018";
  private static final Pattern SOC6 = Pattern.compile("\\d{2}-\\d{4}");

  /** One SOC 2010 occupation: its title and the SOC 2018 codes it became. */
  public record Soc2010(String title, List<String> soc2018) {
    public Soc2010 {
      soc2018 = List.copyOf(soc2018);
    }
  }

  /** How many 2010 codes map to one 2018 code, to several, to none; {@code unchanged}: to the same code. */
  public record Counts(int codes, int oneToOne, int unchanged, int several) {}

  public SocCrosswalk {
    codes = Collections.unmodifiableSortedMap(new TreeMap<>(codes));
  }

  /**
   * Reads the BLS CSV (columns {@code soc2010, soc2010_title, soc2018, soc2018_title}, one row per
   * pair); every problem names the file and line.
   */
  public static SocCrosswalk load(Path csv) {
    Table table;
    int from;
    int title;
    int to;
    try {
      table = Table.read(csv);
      from = table.column("soc2010");
      title = table.column("soc2010_title");
      to = table.column("soc2018");
    } catch (TableException e) {
      throw new TaxonomyException(e.getMessage(), e);
    }
    Map<String, String> titles = new TreeMap<>();
    Map<String, List<String>> targets = new TreeMap<>();
    for (Table.Row row : table.rows()) {
      String code2010 = row.get(from).strip();
      String code2018 = row.get(to).strip();
      for (String code : List.of(code2010, code2018)) {
        if (!SOC6.matcher(code).matches()) {
          throw new TaxonomyException(table.at(row) + ": '" + code + "' is not a SOC code like 15-1252");
        }
      }
      titles.putIfAbsent(code2010, row.get(title).strip());
      List<String> list = targets.computeIfAbsent(code2010, c -> new ArrayList<>());
      if (!list.contains(code2018)) {
        list.add(code2018);
      }
    }
    if (targets.isEmpty()) {
      throw new TaxonomyException(csv + " holds no SOC 2010 codes");
    }
    SortedMap<String, Soc2010> codes = new TreeMap<>();
    targets.forEach((code, list) -> codes.put(code, new Soc2010(titles.get(code), list.stream().sorted().toList())));
    return new SocCrosswalk(codes);
  }

  /** The SOC 2018 codes a SOC 2010 detailed code ({@code 15-1132}) became; empty when it is no 2010 code. */
  public List<String> map2010(String soc6) {
    Soc2010 known = codes.get(soc6);
    return known == null ? List.of() : known.soc2018();
  }

  public Optional<String> title2010(String soc6) {
    return Optional.ofNullable(codes.get(soc6)).map(Soc2010::title);
  }

  public boolean is2010(String soc6) {
    return codes.containsKey(soc6);
  }

  /** True for a SOC 2018 detailed code some 2010 code became (every 2018 code, in the BLS file). */
  public boolean is2018(String soc6) {
    return soc2018().contains(soc6);
  }

  /** Every SOC 2018 code of the crosswalk (867 in the BLS file: a set of a few microseconds to build). */
  private java.util.Set<String> soc2018() {
    java.util.Set<String> known = new java.util.HashSet<>();
    codes.values().forEach(c -> known.addAll(c.soc2018()));
    return known;
  }

  /**
   * The share of {@code soc6} (a taxonomy's SOC codes) that are SOC 2018 codes of this crosswalk: a
   * release on another SOC version (O*NET before 25.0 is on SOC 2010) shares few.
   */
  public double share2018(java.util.Collection<String> soc6) {
    java.util.Set<String> known = soc2018();
    java.util.Set<String> asked = new java.util.HashSet<>(soc6);
    return asked.isEmpty() ? 0 : asked.stream().filter(known::contains).count() / (double) asked.size();
  }

  public Counts counts() {
    int one = 0;
    int same = 0;
    int several = 0;
    for (Map.Entry<String, Soc2010> e : codes.entrySet()) {
      List<String> to = e.getValue().soc2018();
      if (to.size() == 1) {
        one++;
        same += to.get(0).equals(e.getKey()) ? 1 : 0;
      } else if (to.size() > 1) {
        several++;
      }
    }
    return new Counts(codes.size(), one, same, several);
  }
}
