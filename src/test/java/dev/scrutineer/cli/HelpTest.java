package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command documents its exit codes where users look first: its own help. */
class HelpTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"analyze", "gate", "audit", "tabletop", "backtest", "score", "demo", "--help"})
  void everyCommandListsItsExitCodes(String command) {
    Cli cli = command.startsWith("-") ? Cli.run(command) : Cli.run(command, "--help");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("Exit codes:")
        .containsPattern("(?m)^  2 +usage or input error")
        .containsPattern("(?m)^  3 +internal error");
  }

  /**
   * A command line naming its command first builds that command alone; one that starts with an
   * option builds them all. Either way the command is the same.
   */
  @ParameterizedTest
  @ValueSource(strings = {"analyze", "gate", "audit", "tabletop", "backtest", "score", "demo"})
  void aCommandBuiltAloneHasTheHelpItHasAmongTheOthers(String command) {
    Cli alone = Cli.run(command, "--help");
    Cli amongOthers = Cli.run("--verbose", command, "--help");

    assertThat(alone.out()).isNotBlank().isEqualTo(amongOthers.out());
  }

  @Test
  void everyCommandIsListedWhenNoneIsNamed() {
    Cli cli = Cli.run("--help");

    assertThat(cli.out())
        .contains("analyze", "gate", "audit", "tabletop", "backtest", "score", "demo");
  }
}
