package dev.jobcode.corpus;

import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.TsvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The O*NET facts a CV is made of beyond titles, tasks and related occupations (which the taxonomy
 * holds), each read when its file is present: technology skills ("Hot Technology" ones first) and
 * tools.
 */
public record OnetFacts(Map<String, List<String>> technologies, Map<String, List<String>> tools) {
  public static final String TECHNOLOGY_SKILLS = "Technology Skills.txt";
  public static final String TOOLS_USED = "Tools Used.txt";
  private static final String CODE = "O*NET-SOC Code";

  public static OnetFacts load(Path dir) {
    Map<String, List<String>> hot = new TreeMap<>();
    Map<String, List<String>> other = new TreeMap<>();
    Path technology = dir.resolve(TECHNOLOGY_SKILLS);
    if (Files.isRegularFile(technology)) {
      TsvFile.read(technology, List.of(CODE, "Example", "Hot Technology"), row -> {
        var target = "Y".equals(row.get("Hot Technology")) ? hot : other;
        target.computeIfAbsent(code(row), c -> new ArrayList<>()).add(row.get("Example"));
      });
    }
    other.forEach((code, list) -> hot.computeIfAbsent(code, c -> new ArrayList<>()).addAll(list));
    Map<String, List<String>> tools = new TreeMap<>();
    Path toolsFile = dir.resolve(TOOLS_USED);
    if (Files.isRegularFile(toolsFile)) {
      TsvFile.read(toolsFile, List.of(CODE, "Example"),
          row -> tools.computeIfAbsent(code(row), c -> new ArrayList<>()).add(row.get("Example")));
    }
    return new OnetFacts(hot, tools);
  }

  private static String code(TsvFile.Row row) {
    String code = row.get(CODE);
    if (!OnetCodes.isValid(code)) {
      throw row.error("malformed O*NET-SOC code '" + code + "' (expected e.g. 15-1252.00)");
    }
    return code;
  }
}
