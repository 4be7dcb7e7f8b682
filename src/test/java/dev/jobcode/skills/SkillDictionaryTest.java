package dev.jobcode.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.skills.Skill.Kind;
import dev.jobcode.taxonomy.TaxonomyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillDictionaryTest {
  @TempDir
  Path tmp;

  private static final String TECHNOLOGY = """
      O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand
      15-1252.00\tPython\t43232405\tObject or component oriented development software\tY\tY
      15-1252.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tN\tN
      29-1141.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tY\tN
      43-4051.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tN\tN
      15-1252.00\tApache Spark\t43232405\tObject or component oriented development software\tY\tN
      15-2051.00\tApache Spark\t43232314\tBusiness intelligence and data analysis software\tY\tN
      15-2041.00\tApache Spark\t43232314\tBusiness intelligence and data analysis software\tY\tN
      15-1252.00\tDocker\t43232701\tApplication server software\tN\tN
      """;
  private static final String TOOLS = """
      O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title
      15-1252.00\tDesktop computers\t43211507\tDesktop computers
      29-1141.00\tDesktop computers\t43211507\tDesktop computers
      47-2111.00\tHammers\t27111602\tHammers
      """;

  @Test
  void loadsEachExampleOnceFromBothFiles() throws IOException {
    SkillDictionary d = SkillDictionary.load(onet(TECHNOLOGY, TOOLS));

    assertThat(d.size()).isEqualTo(6);
    assertThat(d.skills()).extracting(Skill::name)
        .containsExactly("Apache Spark", "Docker", "Microsoft Excel", "Python", "Desktop computers", "Hammers");
    assertThat(d.skills()).filteredOn(s -> s.kind() == Kind.TOOL).extracting(Skill::name)
        .containsExactly("Desktop computers", "Hammers");
  }

  @Test
  void aSkillIsHotWhenAnyOccupationSaysSoAndTakesItsMostFrequentCommodity() throws IOException {
    SkillDictionary d = SkillDictionary.load(onet(TECHNOLOGY, TOOLS));

    assertThat(skill(d, "Microsoft Excel")).isEqualTo(
        new Skill("Microsoft Excel", "43232110", "Spreadsheet software", true, Kind.TECHNOLOGY));
    assertThat(skill(d, "Docker").hot()).isFalse();
    // two rows of 43232314 against one of 43232405
    assertThat(skill(d, "Apache Spark").commodityTitle()).isEqualTo("Business intelligence and data analysis software");
    assertThat(skill(d, "Desktop computers")).isEqualTo(
        new Skill("Desktop computers", "43211507", "Desktop computers", false, Kind.TOOL));
  }

  @Test
  void aMissingToolsFileIsFine() throws IOException {
    SkillDictionary d = SkillDictionary.load(onet(TECHNOLOGY, null));

    assertThat(d.size()).isEqualTo(4);
    assertThat(d.skills()).allMatch(s -> s.kind() == Kind.TECHNOLOGY);
  }

  @Test
  void aMissingTechnologyFileIsRefusedWithTheFolderNamed() {
    assertThatThrownBy(() -> SkillDictionary.load(tmp))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("missing Technology Skills.txt in " + tmp);
  }

  @Test
  void aBadHeaderIsRefusedWithTheFileNamed() throws IOException {
    Path dir = onet(TECHNOLOGY.replace("Commodity Title", "Commodity"), TOOLS);

    assertThatThrownBy(() -> SkillDictionary.load(dir))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("Technology Skills.txt line 1: bad header")
        .hasMessageContaining("Commodity Title");
  }

  @Test
  void aBadRowIsRefusedWithItsFileAndLine() throws IOException {
    Path badCode = onet(TECHNOLOGY, TOOLS.replace("47-2111.00", "47-2111"));
    assertThatThrownBy(() -> SkillDictionary.load(badCode))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("Tools Used.txt line 4: malformed O*NET-SOC code '47-2111'");

    Path badHot = onet(TECHNOLOGY.replace("Docker\t43232701\tApplication server software\tN", "Docker\t43232701\tApplication server software\tmaybe"), TOOLS);
    assertThatThrownBy(() -> SkillDictionary.load(badHot))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("Technology Skills.txt line 9: Hot Technology is 'maybe', expected Y or N");
  }

  @Test
  void aNameTheTaskStatementsUseAsAnOrdinaryWordNeedsASoftwareContext() throws IOException {
    Path dir = onet(TECHNOLOGY, TOOLS);
    SkillMatcher plain = new SkillMatcher(SkillDictionary.load(dir));
    assertThat(plain.find("Docker at the port")).extracting(SkillMatch::name).containsExactly("Docker");

    Files.writeString(dir.resolve(SkillDictionary.TASK_STATEMENTS), """
        O*NET-SOC Code\tTask ID\tTask\tTask Type
        53-7062.00\t1\tLoad ships as a docker or stevedore.\tCore
        53-7062.00\t2\tSupervise each docker on the wharf.\tCore
        """);
    SkillMatcher informed = new SkillMatcher(SkillDictionary.load(dir));
    assertThat(informed.find("Docker at the port")).isEmpty();
    assertThat(informed.find("Python and Docker")).extracting(SkillMatch::name).containsExactly("Python", "Docker");
  }

  @Test
  void writesAndReadsBackTheSameDictionary() throws IOException {
    Path dir = onet(TECHNOLOGY, TOOLS);
    Files.writeString(dir.resolve(SkillDictionary.TASK_STATEMENTS), """
        O*NET-SOC Code\tTask ID\tTask\tTask Type
        53-7062.00\t1\tLoad ships as a docker.\tCore
        53-7062.00\t2\tSupervise a docker.\tCore
        """);
    SkillDictionary original = SkillDictionary.load(dir);
    Path file = tmp.resolve("index/" + SkillDictionary.FILE_NAME);

    original.write(file);
    original.write(file); // over an existing file
    SkillDictionary copy = SkillDictionary.read(file);

    assertThat(copy.skills()).isEqualTo(original.skills());
    assertThat(Files.readString(file)).contains("\"commodity_title\" : \"Spreadsheet software\"", "\"kind\" : \"tool\"",
        "\"ordinary_words\" : [ \"docker\" ]");
    assertThat(tmp.resolve("index").toFile().list()).containsExactly(SkillDictionary.FILE_NAME);
    String text = "Docker at the port; Excel, Python and Spark; two desktop computers";
    assertThat(new SkillMatcher(copy).find(text)).isEqualTo(new SkillMatcher(original).find(text))
        .extracting(SkillMatch::name).containsExactly("Microsoft Excel", "Python", "Apache Spark", "Desktop computers");
  }

  @Test
  void readingAFileThatIsNoDictionaryIsRefusedWithTheFileNamed() throws IOException {
    Path missing = tmp.resolve("nowhere.json");
    assertThatThrownBy(() -> SkillDictionary.read(missing))
        .isInstanceOf(TaxonomyException.class).hasMessageContaining(missing.toString());

    Path other = Files.writeString(tmp.resolve("meta.json"), "{\"format\": 7, \"skills\": []}");
    assertThatThrownBy(() -> SkillDictionary.read(other))
        .isInstanceOf(TaxonomyException.class).hasMessageContaining(other + " is not a skills dictionary of format 1");

    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"format\": 1, \"skills\": [{\"name\": \"Python\"}]}");
    assertThatThrownBy(() -> SkillDictionary.read(broken))
        .isInstanceOf(TaxonomyException.class).hasMessageContaining(broken.toString());
  }

  @Test
  void aSkillNamedTwiceIsRefused() {
    Skill python = SkillCases.tech("Python", "43232405", "Object or component oriented development software", true);
    assertThatThrownBy(() -> SkillDictionary.of(List.of(python, python)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Python");
  }

  private Path onet(String technology, String tools) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("onet"));
    Files.writeString(dir.resolve(SkillDictionary.TECHNOLOGY_SKILLS), technology);
    if (tools != null) {
      Files.writeString(dir.resolve(SkillDictionary.TOOLS_USED), tools);
    }
    return dir;
  }

  private static Skill skill(SkillDictionary d, String name) {
    return d.skills().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
