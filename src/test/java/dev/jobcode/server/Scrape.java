package dev.jobcode.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code /metrics} answer parsed: every sample's name, labels and value (comments skipped). */
record Scrape(List<Scrape.Sample> samples) {
  record Sample(String name, Map<String, String> labels, double value) {
    String label(String key) {
      return labels.get(key);
    }
  }

  /** Parses Prometheus text format 0.0.4: {@code name{key="value",…} number}, label values escaped. */
  static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        parseLabels(line, brace + 1, labels);
      } else {
        name = line.substring(0, space);
      }
      samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
    }
    return new Scrape(samples);
  }

  private static void parseLabels(String line, int at, Map<String, String> into) {
    int i = at;
    while (line.charAt(i) != '}') {
      int eq = line.indexOf("=\"", i);
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      for (i = eq + 2; line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          char next = line.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      into.put(key, value.toString());
      i++;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
  }

  /** The samples named {@code name} whose labels include the given key, value pairs. */
  List<Sample> find(String name, String... labelPairs) {
    List<Sample> found = new ArrayList<>();
    for (Sample s : samples) {
      if (s.name().equals(name) && hasLabels(s, labelPairs)) {
        found.add(s);
      }
    }
    return found;
  }

  /** The value of the one sample {@link #find} finds; fails when there is none or several. */
  double value(String name, String... labelPairs) {
    List<Sample> found = find(name, labelPairs);
    if (found.size() != 1) {
      throw new AssertionError("expected one sample " + name + " " + String.join(",", labelPairs) + ", found "
          + found);
    }
    return found.get(0).value();
  }

  /** The sum over every sample named {@code name}. */
  double total(String name) {
    return find(name).stream().mapToDouble(Sample::value).sum();
  }

  private static boolean hasLabels(Sample s, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
