package dev.scrutineer.analysis.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.ingest.HistoryCache;
import dev.scrutineer.ingest.HistoryReader;
import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.BugInducing;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repositories whose bug-inducing commits are known by construction. */
class SzzTest {
  @TempDir Path dir;

  private static final String CALC =
      """
      package calc;

      import java.util.List;

      class Calc {
        // adds two numbers
        int sum(int a, int b) {
          return a - b;
        }

        int twice(int a) {
          return a * 2;
        }
      }
      """;

  @Test
  void aFixLabelsTheCommitThatWroteTheLinesItChanged() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC.replace("    return a - b;\n", "    return 0;\n"));
      repo.commit("Add Calc");
      repo.write("src/Calc.java", CALC);
      String inducing = repo.commit("Implement sum");
      repo.write("README.md", "calc\n");
      repo.commit("Add readme");
      repo.write("src/Calc.java", CALC.replace("a - b", "a + b"));
      String fix = repo.commit("Fix sum");

      assertThat(Mined.szz(repo, Optional.empty()))
          .extracting(BugInducing::inducingId, BugInducing::fixId)
          .containsExactly(tuple(inducing, fix));
    }
  }

  @Test
  void whitespaceCommentAndImportChangesLabelNothing() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc");
      repo.write(
          "src/Calc.java",
          CALC.replace("import java.util.List;", "import java.util.Map;")
              .replace("// adds two numbers", "// adds two ints")
              .replace("    return a * 2;", "      return   a * 2;")
              .replace("\n\n  int twice", "\n\n\n  int twice"));
      repo.commit("Fix comments, imports and indentation");

      assertThat(Mined.szz(repo, Optional.empty())).isEmpty();
    }
  }

  @Test
  void onlyFixesLabel() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc");
      repo.write("src/Calc.java", CALC.replace("a * 2", "a << 1"));
      repo.commit("Use a shift");

      assertThat(Mined.szz(repo, Optional.empty())).isEmpty();
    }
  }

  @Test
  void aRevertLabelsTheRevertedCommitDirectly() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc");
      repo.write("src/Calc.java", CALC.replace("a * 2", "a * 3"));
      String reverted = repo.commit("Triple instead");
      repo.write("src/Calc.java", CALC);
      String revert =
          repo.commit("Revert \"Triple instead\"\n\nThis reverts commit " + reverted + ".\n");

      assertThat(Mined.szz(repo, Optional.empty()))
          .containsExactly(
              new BugInducing(reverted, revert, TestRepo.START.plus(Duration.ofMinutes(2))));
    }
  }

  @Test
  void aFixesTrailerLabelsTheCommitItNames() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      String named = repo.commit("Add Calc");
      repo.write("src/Other.java", "class Other {}\n");
      String fix = repo.commit("Guard against overflow\n\nFixes: " + named.substring(0, 12) + "\n");

      assertThat(Mined.szz(repo, Optional.empty()))
          .extracting(BugInducing::inducingId, BugInducing::fixId)
          .containsExactly(tuple(named, fix));
    }
  }

  @Test
  void fixesAtOrAfterTheCutoffAreNotUsed() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc");
      repo.write("src/Calc.java", CALC.replace("a - b", "a + b"));
      repo.commit("Fix sum");
      Instant fixTime = TestRepo.START.plus(Duration.ofMinutes(1));

      assertThat(Mined.szz(repo, Optional.of(fixTime))).isEmpty();
      assertThat(Mined.szz(repo, Optional.of(fixTime.plusSeconds(1)))).hasSize(1);
    }
  }

  @Test
  void aCandidateCommittedAfterTheFixIsDropped() {
    try (TestRepo repo = TestRepo.init(dir)) {
      Instant t = TestRepo.START;
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc", "Ada", "ada@example.com", t.plus(Duration.ofDays(10)));
      repo.write("src/Calc.java", CALC.replace("a - b", "a + b"));
      // A skewed clock: the fix claims to be older than the commit it fixes.
      repo.commit("Fix sum", "Bob", "bob@example.com", t);

      assertThat(Mined.szz(repo, Optional.empty())).isEmpty();
    }
  }

  @Test
  void blameFollowsRenamesAndSkipsDeletedFiles() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      String inducing = repo.commit("Add Calc");
      repo.rename("src/Calc.java", "lib/Calc.java");
      repo.commit("Move Calc");
      repo.write("lib/Gone.java", "class Gone {\n  int x = 1;\n}\n");
      repo.commit("Add Gone");
      repo.delete("lib/Gone.java");
      repo.write("lib/Calc.java", CALC.replace("a - b", "a + b"));
      String fix = repo.commit("Fix sum, drop Gone");

      try (HistoryReader reader = HistoryReader.open(repo.dir())) {
        Map<String, List<BlamedLine>> blamed =
            reader
                .blamer(
                    reader.read("HEAD", HistoryCache.none(), Progress.NONE), HistoryCache.none())
                .blame(List.of(fix), Progress.NONE);
        assertThat(blamed.get(fix)).containsExactly(new BlamedLine("lib/Calc.java", 8, inducing));
      }
    }
  }

  @Test
  void blameCrossesAnOctopusMergeAndAnUnrelatedRoot() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/Calc.java", CALC);
      repo.commit("Add Calc");
      Map<String, String> sides = new java.util.LinkedHashMap<>();
      for (String side : List.of("x", "y", "z")) {
        repo.branch(side).checkout(side);
        repo.write("src/S" + side + ".java", "class S" + side + " {\n  int v = 1;\n}\n");
        sides.put(side, repo.commit("Add S" + side));
        repo.checkout("main");
      }
      merge("x", "y", "z");
      repo.orphan("other");
      GitCli.run(dir, "rm", "-rqf", ".");
      repo.write("o.txt", "other\n");
      String root = repo.commit("Add other");
      repo.checkout("main");
      merge("--allow-unrelated-histories", "other");
      repo.write("src/Sy.java", "class Sy {\n  int v = 2;\n}\n");
      repo.write("o.txt", "another\n");
      String fix = repo.commit("Fix the value");

      assertThat(Mined.szz(repo, Optional.empty()))
          .extracting(BugInducing::inducingId, BugInducing::fixId)
          .containsExactlyInAnyOrder(tuple(sides.get("y"), fix), tuple(root, fix));
    }
  }

  @Test
  void blameResultsAreCachedByFix() {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write("src/Calc.java", CALC);
      String inducing = repo.commit("Add Calc");
      repo.write("src/Calc.java", CALC.replace("a - b", "a + b"));
      String fix = repo.commit("Fix sum");

      List<Set<String>> tasksPerRun = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        try (HistoryReader reader = HistoryReader.open(repo.dir());
            HistoryCache cache = HistoryCache.openFile(cacheFile)) {
          List<HistoryCommit> commits = reader.read("HEAD", cache, Progress.NONE);
          Set<String> tasks = new HashSet<>();
          Map<String, List<BlamedLine>> blamed =
              reader
                  .blamer(commits, cache)
                  .blame(List.of(fix), (task, done, total) -> tasks.add(task));
          assertThat(blamed.get(fix)).extracting(BlamedLine::inducingId).containsExactly(inducing);
          tasksPerRun.add(tasks);
        }
      }
      assertThat(tasksPerRun.get(0)).contains("blaming fixes");
      assertThat(tasksPerRun.get(1)).isEmpty();
    }
  }

  /** A merge by git itself, as Ada, into the current branch. */
  private void merge(String... arguments) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-c",
                "user.name=Ada",
                "-c",
                "user.email=ada@example.com",
                "merge",
                "--quiet",
                "--no-edit"));
    args.addAll(List.of(arguments));
    GitCli.run(dir, args.toArray(String[]::new));
  }
}
