package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, files written whole. */
class AnalyzeCommandTest {
  @TempDir Path temp;

  private TestRepo featureBranch() {
    TestRepo repo = TestRepo.init(temp.resolve("repo"));
    repo.write("src/main/java/App.java", "class App {}\n").commit("Start");
    repo.branch("feature").checkout("feature");
    repo.write("src/main/java/App.java", "class App { int x; }\n").commit("Change");
    return repo;
  }

  @Test
  void analyzesTheChangeAgainstTheDefaultBranch() {
    TestRepo repo = featureBranch();

    Cli cli = Cli.run("analyze", "--repo", repo.dir().toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(cli.out())
        .contains("1 file changed (+1 -1) in 1 commit")
        .contains("(merge-base of main and HEAD)");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void outsideARepositoryItSaysWhereToRunInOneLine() {
    Cli cli = Cli.run("analyze", "--repo", temp.toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).startsWith("scrutineer: not a git repository").contains("--repo DIR");
    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void anUnknownRevisionIsAUsageErrorNamingIt() {
    TestRepo repo = featureBranch();

    Cli cli = Cli.run("analyze", "--repo", repo.dir().toString(), "--base", "no-such-branch");

    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("unknown revision 'no-such-branch'").doesNotContain("Exception");
  }

  @Test
  void verboseAddsTheStackTrace() {
    TestRepo repo = featureBranch();

    Cli cli = Cli.run("analyze", "--verbose", "--repo", repo.dir().toString(), "--base", "nope");

    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("InputException").contains("\tat ");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(Cli.run("analyze", "--format", "pdf").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("analyze", "--no-such-option").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("no-such-command").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run().exitCode()).isEqualTo(ExitCode.USAGE);
    Cli both = Cli.run("analyze", "--head", "HEAD", "--worktree");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("--head and --worktree exclude each other");
  }

  @Test
  void theReportFileIsWrittenWholeAndNothingIsLeftOnFailure() throws IOException {
    TestRepo repo = featureBranch();
    Path report = temp.resolve("report.json");

    Cli ok =
        Cli.run(
            "analyze",
            "--repo",
            repo.dir().toString(),
            "--format",
            "json",
            "-o",
            report.toString());
    Cli failed =
        Cli.run(
            "analyze",
            "--repo",
            repo.dir().toString(),
            "--base",
            "nope",
            "-o",
            temp.resolve("other.json").toString());

    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).isEmpty();
    assertThat(Files.readString(report))
        .startsWith("{")
        .contains("\"schemaVersion\" : 1")
        .endsWith("}\n");
    assertThat(failed.exitCode()).isEqualTo(ExitCode.USAGE);
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("repo", "report.json");
    }
  }

  @Test
  void anOutputDirectoryThatDoesNotExistIsAUsageError() {
    TestRepo repo = featureBranch();

    Cli cli =
        Cli.run(
            "analyze",
            "--repo",
            repo.dir().toString(),
            "-o",
            temp.resolve("no/such/dir/r.txt").toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("does not exist; create it first");
  }

  @Test
  void versionAndHelpExitZero() {
    assertThat(Cli.run("--version").out()).startsWith("scrutineer ");
    Cli help = Cli.run("analyze", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--base=REV").contains("--worktree").contains("--pr-json=FILE");
  }

  @Test
  void anUnusableHistoryCacheIsNotedAndTheHistoryMinedAnyway() throws IOException {
    try (TestRepo repo = TestRepo.init(temp.resolve("repo2"))) {
      repo.write("src/main/java/App.java", "class App {}\n").commit("Start");
      repo.write("src/main/java/App.java", "class App { int x; }\n").commit("Change");
      Path notADirectory = Files.writeString(temp.resolve("cache-file"), "not a directory");

      Cli run =
          Cli.run(
              "analyze",
              "--repo",
              repo.dir().toString(),
              "--base",
              "HEAD~1",
              "--cache",
              notADirectory.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("the history cache " + notADirectory.resolve("history.db"))
          .contains("prior change");
    }
  }
}
