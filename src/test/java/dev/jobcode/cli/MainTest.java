package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The entry point without an index: what it says when no command is named, and each verb's help. */
class MainTest {
  @Test
  void withoutACommandItNamesEveryCommand() {
    CliRun r = CliRun.of();
    assertThat(r.exit()).isEqualTo(2);
    Set<String> commands = new TreeSet<>(Main.commandLine().getSubcommands().keySet());
    commands.remove("help");
    String message = r.err().lines().findFirst().orElse("");
    assertThat(message).startsWith("name a command: ");
    assertThat(commands).contains("load").allSatisfy(c -> assertThat(message).contains(c));
  }

  @Test
  void theMeasuringVerbsExplainThemselves() {
    String[][] helps = {{"bench", "--help"}, {"load", "--help"}, {"candidates", "eval", "--help"}};
    String[] options = {"--quick", "--batch-every", "--holdout"};
    for (int i = 0; i < helps.length; i++) {
      CliRun r = CliRun.of(helps[i]);
      assertThat(r.exit()).as(String.join(" ", helps[i])).isZero();
      assertThat(r.out()).contains(options[i]);
    }
    assertThat(CliRun.of("candidates", "eval", "--help").out()).contains("voters (default: 15)");
    assertThat(CliRun.of("serve", "--help").out()).contains("(default: 64)");
  }

  @Test
  void anUnknownEngineIsBadUsageThatNamesTheEngines() {
    CliRun r = CliRun.of("classify", "--engine", "tensorflow", "--index", "no-such-index", "Nurse");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("jobcode: unknown --engine 'tensorflow': use one of onnxruntime, pytorch%n".formatted());
  }

  @Test
  void aRunThatNamesItsCommandBuildsThatOneAlone() {
    assertThat(Main.commandLine("serve", "--port", "1").getSubcommands()).containsOnlyKeys("serve");
    assertThat(Main.commandLine("candidates", "add").getSubcommands()).containsOnlyKeys("candidates");
    assertThat(Main.commandLine("--help").getSubcommands()).hasSize(Main.COMMANDS.size());
    assertThat(Main.commandLine("help", "serve").getSubcommands()).hasSize(Main.COMMANDS.size());
  }

  @Test
  void theListOfCommandsAndTheHintForAMistypedOneAreTheWholeTree() {
    CliRun help = CliRun.of("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("serve", "candidates", "taxonomy", "rerank", "help");
    CliRun typo = CliRun.of("serv");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("Unmatched argument at index 0: 'serv'").contains("serve");
    CliRun helpOfOne = CliRun.of("help", "serve");
    assertThat(helpOfOne.exit()).isZero();
    assertThat(helpOfOne.out()).startsWith("Usage: jobcode serve");
  }
}
