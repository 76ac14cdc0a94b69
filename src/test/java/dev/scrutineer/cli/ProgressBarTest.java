package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.testing.SyntheticHistory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
  @TempDir Path temp;

  @Test
  void drawsInPlaceAndClearsTheLineWhenDone() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), new Terminal(false, true));

    bar.update("mining history", 0, 10);
    bar.update("mining history", 10, 10);
    bar.finish();

    assertThat(err.toString())
        .startsWith("\rmining history")
        .contains("[" + " ".repeat(30) + "] 0/10")
        .contains("[" + "#".repeat(30) + "] 10/10")
        .endsWith(" ".repeat(80) + "\r");
  }

  @Test
  void staysSilentOffATerminal() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), Terminal.PLAIN);

    bar.update("mining history", 5, 10);
    bar.finish();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aBacktestOnATerminalShowsEachStageOnStandardErrorOnly() {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 60);

    Cli run =
        Cli.runOnTerminal(
            "backtest",
            "--repo",
            history.repo().dir().toString(),
            "--cache",
            temp.resolve("cache").toString(),
            "--no-save");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("\rmining history")
        .contains("\rcomputing features")
        .contains("\rblaming fixes")
        .endsWith("\r");
    assertThat(run.out()).doesNotContain("\r").contains("AUC");
  }
}
