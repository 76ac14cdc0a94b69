package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Replaying mined edits blames a fix's lines as JGit's blame of the fix's parent does (whitespace
 * ignored, renames followed), for random histories of inserts, deletions, replacements,
 * re-indentations and renames. Every line written is unique, so both diffs can align only one way.
 */
class BlameReplayProperties {
  private static final List<String> PATHS =
      List.of("src/Calc.java", "src/calc/Calc.java", "lib/Calc.java", "Calc.java");

  enum Kind {
    INSERT,
    DELETE,
    REPLACE,
    REINDENT,
    RENAME
  }

  record Step(Kind kind, int at, int length) {}

  @Property(tries = 40)
  void replayedBlameIsJGitBlame(
      @ForAll("histories") List<Step> history, @ForAll("fixes") List<Step> fix) throws IOException {
    Path dir = Files.createTempDirectory("blame-replay");
    try (TestRepo repo = TestRepo.init(dir)) {
      Scenario scenario = new Scenario(repo, 0);
      scenario.commit("Add Calc");
      for (Step step : history) {
        scenario.apply(step);
        scenario.commit("Change " + step.kind());
      }
      for (Step step : fix) {
        scenario.apply(step);
      }
      String fixId = scenario.commit("Fix the calculation");

      assertThat(replayed(dir, fixId))
          .as("history %s, fix %s", history, fix)
          .containsExactlyInAnyOrderElementsOf(jgitBlame(repo, fixId));
    } finally {
      deleteRecursively(dir);
    }
  }

  @Example
  void aMergePassesEachLineToTheParentItCameFrom() throws IOException {
    Path dir = Files.createTempDirectory("blame-replay");
    try (TestRepo repo = TestRepo.init(dir)) {
      Scenario scenario = new Scenario(repo, 0);
      String base = scenario.commit("Add Calc");
      repo.branch("side").checkout("side");
      scenario.apply(new Step(Kind.REPLACE, 0, 2));
      String side = scenario.commit("Side: change the top");
      repo.checkout("main");
      Scenario main = new Scenario(repo, 100);
      main.apply(new Step(Kind.REPLACE, 9, 1));
      String mainId = main.commit("Main: change the bottom");
      MergeResult merged =
          repo.git()
              .merge()
              .include(repo.repository().resolve(side))
              .setMessage("Merge side")
              .call();
      assertThat(merged.getMergeStatus().isSuccessful()).isTrue();
      String text = Files.readString(repo.file(PATHS.get(0)));
      String[] lines = text.split("\n");
      lines[0] = "    int fixed0 = 0;";
      lines[5] = "    int fixed5 = 5;";
      lines[9] = "    int fixed9 = 9;";
      repo.write(PATHS.get(0), String.join("\n", lines) + "\n");
      String fixId = repo.commit("Fix the calculation");

      List<BlamedLine> replayed = replayed(dir, fixId);
      assertThat(replayed).containsExactlyInAnyOrderElementsOf(jgitBlame(repo, fixId));
      assertThat(replayed)
          .extracting(BlamedLine::inducingId)
          .containsExactlyInAnyOrder(side, base, mainId);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    } finally {
      deleteRecursively(dir);
    }
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    return steps().list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Step>> fixes() {
    return steps().filter(s -> s.kind() != Kind.RENAME).list().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(1, 4))
        .as(Step::new);
  }

  private static List<BlamedLine> replayed(Path dir, String fixId) {
    try (HistoryReader reader = HistoryReader.open(dir)) {
      List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);
      return reader
          .blamer(commits, HistoryCache.none())
          .blame(List.of(fixId), Progress.NONE)
          .get(fixId);
    }
  }

  /** What blaming each fix was before replay: a whitespace-blind diff, then JGit blame per file. */
  private static List<BlamedLine> jgitBlame(TestRepo repo, String fixId) throws IOException {
    List<BlamedLine> blamed = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo.repository())) {
      RevCommit fix = walk.parseCommit(ObjectId.fromString(fixId));
      RevCommit parent = walk.parseCommit(fix.getParent(0));
      String path = onlyPath(repo, fix);
      RawText before = new RawText(read(repo, parent, path));
      RawText after = new RawText(read(repo, fix, path));
      List<Integer> lines = new ArrayList<>();
      for (Edit edit : new HistogramDiff().diff(RawTextComparator.WS_IGNORE_ALL, before, after)) {
        for (int line = edit.getBeginA(); line < edit.getEndA(); line++) {
          if (SzzLines.relevant(before.getString(line))) {
            lines.add(line);
          }
        }
      }
      try (BlameGenerator generator = new BlameGenerator(repo.repository(), path)) {
        generator.setDiffAlgorithm(new HistogramDiff());
        generator.setTextComparator(RawTextComparator.WS_IGNORE_ALL);
        generator.setFollowFileRenames(true);
        generator.push(null, parent);
        BlameResult result = BlameResult.create(generator);
        for (int line : lines) {
          result.computeRange(line, line + 1);
          blamed.add(new BlamedLine(path, line + 1, result.getSourceCommit(line).name()));
        }
      }
    }
    return blamed;
  }

  private static String onlyPath(TestRepo repo, RevCommit commit) throws IOException {
    try (TreeWalk tree = new TreeWalk(repo.repository())) {
      tree.setRecursive(true);
      tree.addTree(commit.getTree());
      tree.next();
      return tree.getPathString();
    }
  }

  private static byte[] read(TestRepo repo, RevCommit commit, String path) throws IOException {
    try (TreeWalk tree = TreeWalk.forPath(repo.repository(), path, commit.getTree())) {
      return repo.repository().open(tree.getObjectId(0)).getBytes();
    }
  }

  /** One Java-like file whose lines are all distinct and all count as code. */
  private static final class Scenario {
    private final TestRepo repo;
    private final List<String> lines = new ArrayList<>();
    private String path = PATHS.get(0);
    private int next;

    /** The same first ten lines whatever {@code first}; new lines are numbered from it. */
    Scenario(TestRepo repo, int first) {
      this.repo = repo;
      for (int i = 0; i < 10; i++) {
        lines.add(fresh());
      }
      next = Math.max(next, first);
    }

    void apply(Step step) {
      int at = step.at() % (lines.size() + 1);
      int end = Math.min(lines.size(), at + step.length());
      switch (step.kind()) {
        case INSERT -> {
          for (int i = 0; i < step.length(); i++) {
            lines.add(at, fresh());
          }
        }
        case DELETE -> lines.subList(at, end).clear();
        case REPLACE -> {
          for (int i = at; i < end; i++) {
            lines.set(i, fresh());
          }
        }
        case REINDENT -> {
          for (int i = at; i < end; i++) {
            String line = lines.get(i);
            lines.set(i, line.startsWith("    ") ? line.substring(2) : "  " + line);
          }
        }
        case RENAME -> {
          String to = PATHS.get((PATHS.indexOf(path) + 1) % PATHS.size());
          repo.rename(path, to);
          path = to;
        }
      }
    }

    String commit(String message) {
      repo.write(path, String.join("\n", lines) + "\n");
      return repo.commit(message);
    }

    private String fresh() {
      int n = next++;
      return "    int v" + n + " = " + n + " * factor;";
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
