package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.SyntheticHistory;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backtest and score on repositories whose bug-inducing commits are known by construction. */
class BacktestCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden-backtest");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path temp;

  @Test
  void theModelBeatsChanceWhereRiskyChangesWereFixedLater() throws IOException {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 120);
    Cli run =
        Cli.run(
            "backtest",
            "--repo",
            history.repo().dir().toString(),
            "--cache",
            temp.resolve("cache").toString(),
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    JsonNode model = report.get("evaluations").get(0);
    assertThat(model.get("name").asText()).isEqualTo("model");
    assertThat(model.get("auc").asDouble()).isGreaterThan(0.75);
    assertThat(report.get("trainBugInducing").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(report.get("testBugInducing").asInt()).isPositive();
    assertThat(report.get("evaluations"))
        .extracting(e -> e.get("name").asText())
        .containsExactly("model", "lines added only", "smallest change first");
    Path saved = Path.of(report.get("savedTo").asText());
    assertThat(saved).exists().hasParent(temp.resolve("cache").resolve("models"));

    // analyze finds the saved calibration for the same repository and says so.
    Cli analyze =
        Cli.run(
            "analyze",
            "--repo",
            history.repo().dir().toString(),
            "--base",
            "HEAD~1",
            "--cache",
            temp.resolve("cache").toString());
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    assertThat(analyze.out()).contains("calibrated on").contains("Risk: ");
  }

  @Test
  void goldenBacktestAndScoreOnAFixedSyntheticHistory() throws IOException {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 120);
    String repo = history.repo().dir().toString();
    Cli backtest =
        Cli.run(
            "backtest", "--repo", repo, "--cache", temp.resolve("cache").toString(), "--no-save");
    assertThat(backtest.exitCode()).as(backtest.err()).isZero();
    check("backtest.out", backtest.out().replace(repo, "REPO"));

    Path list = temp.resolve("commits.txt");
    List<String> ids = history.commits();
    Files.writeString(
        list,
        "# some commits\n" + String.join("\n", ids.subList(ids.size() - 6, ids.size())) + "\n");
    Cli score =
        Cli.run(
            "score",
            "--repo",
            repo,
            "--commits",
            list.toString(),
            "--cache",
            temp.resolve("cache").toString());
    assertThat(score.exitCode()).as(score.err()).isZero();
    check("score.csv", score.out());
    assertThat(score.out().lines()).hasSize(7);
  }

  @Test
  void scoringACommitIgnoresEverythingAfterIt() throws IOException {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 60);
    // Step 55 is a large feature commit; its fix lands at step 58, and more follows later.
    String risky =
        history.commits().stream()
            .filter(history.inducing()::contains)
            .reduce((a, b) -> b)
            .orElseThrow();
    String before = scoreJson(history.repo().dir(), risky);
    history.advance(40);
    String after = scoreJson(history.repo().dir(), risky);
    assertThat(after).isEqualTo(before);
  }

  private String scoreJson(Path repo, String id) {
    Cli run =
        Cli.runWithInput(
            id + "\n",
            "score",
            "--repo",
            repo.toString(),
            "--commits",
            "-",
            "--format",
            "jsonl",
            "--cache",
            temp.resolve("cache").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{\"commit\":\"" + id + "\"");
    return run.out();
  }

  /** A clone of a 10-commit synthetic history cut at {@code depth} commits. */
  private Path shallowClone(int depth) {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("origin"), 10);
    GitCli.run(
        temp,
        "clone",
        "--quiet",
        "--depth",
        String.valueOf(depth),
        history.repo().dir().toUri().toString(),
        "shallow");
    return temp.resolve("shallow");
  }

  @Test
  void aShallowCloneIsScoredWithoutHistoryAndSaysSo() {
    Cli run = Cli.run("analyze", "--repo", shallowClone(2).toString(), "--base", "HEAD~1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Risk: ")
        .contains("shallow clone, so history is cut off")
        .contains("lines added");
  }

  @Test
  void aShallowCloneIsNotBacktested() {
    Cli run =
        Cli.run(
            "backtest",
            "--repo",
            shallowClone(4).toString(),
            "--cache",
            temp.resolve("cache").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("is a shallow clone")
        .contains("git fetch --unshallow");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBareRepositoryScoresTheSameAsItsWorkTree() {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 30);
    String last = history.commits().get(history.commits().size() - 1);
    Path bare = history.repo().cloneBare(temp.resolve("bare.git"));
    String fromWorkTree = scoreJson(history.repo().dir(), last);
    assertThat(scoreJson(bare, last)).isEqualTo(fromWorkTree);
  }

  @Test
  void anUnknownCommitIsOneLineAndExitTwo() {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 10);
    Cli run =
        Cli.runWithInput(
            "0123456789abcdef0123456789abcdef01234567\n",
            "score",
            "--repo",
            history.repo().dir().toString(),
            "--commits",
            "-",
            "--cache",
            temp.resolve("cache").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains("unknown commit 0123456789ab");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void tooLittleHistoryToFitIsOneLineAndExitTwo() {
    SyntheticHistory history = SyntheticHistory.build(temp.resolve("repo"), 12);
    Cli run =
        Cli.run(
            "backtest",
            "--repo",
            history.repo().dir().toString(),
            "--cache",
            temp.resolve("cache").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("too little history to fit");
    assertThat(temp.resolve("cache").resolve("models")).doesNotExist();
  }

  @Test
  void anEmptyRepositoryIsOneLineAndExitTwo() {
    try (TestRepo empty = TestRepo.init(temp.resolve("empty"))) {
      Cli run =
          Cli.run(
              "backtest",
              "--repo",
              empty.dir().toString(),
              "--cache",
              temp.resolve("cache").toString());
      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err().lines()).singleElement();
    }
  }

  @Test
  void aBadSplitIsOneLineAndExitTwo() {
    Cli run = Cli.run("backtest", "--repo", temp.toString(), "--split", "1.5");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("neither a date (YYYY-MM-DD) nor a fraction");
  }

  private static void check(String name, String actual) throws IOException {
    Path expected = GOLDEN.resolve(name);
    if (UPDATE || !Files.exists(expected)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      assertThat(UPDATE).as("wrote the missing " + expected + "; review it and run again").isTrue();
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
