package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.MergedChange;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeHistoryReaderTest {
  @TempDir Path temp;

  @Test
  void mergeCommitsAndSquashCommitsOnTheFirstParentChainAreChanges() throws Exception {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    repo.write("a.txt", "one\n").commit("Initial");
    repo.branch("feature").checkout("feature");
    String first = repo.write("b.txt", "b\n").commit("Add b");
    String tip = repo.write("b.txt", "b\nbb\n").commit("Grow b");
    repo.checkout("main");
    RevCommit merge =
        merge(repo, "feature", "Merge pull request #7 from ada/feature\n\nAdd b to the mix\n");
    String squash = repo.write("a.txt", "one\ntwo\n").commit("Fix the first file (#8)");

    List<MergedChange> changes =
        MergeHistoryReader.read(repo.dir(), Optional.of("main"), Instant.EPOCH);

    assertThat(changes).hasSize(2);
    MergedChange merged =
        changes.stream().filter(c -> c.number().equals(Optional.of(7))).findFirst().orElseThrow();
    assertThat(merged.title()).isEqualTo("Add b to the mix");
    assertThat(merged.range()).contains(new MergedChange.Range(merge.getParent(0).name(), tip));
    assertThat(merged.commits()).extracting(c -> c.id()).containsExactly(first, tip);
    assertThat(merged.reviews()).as("git keeps no reviews").isEmpty();
    MergedChange squashed =
        changes.stream().filter(c -> c.number().equals(Optional.of(8))).findFirst().orElseThrow();
    assertThat(squashed.range().orElseThrow().head()).isEqualTo(squash);
    assertThat(squashed.title()).isEqualTo("Fix the first file (#8)");
  }

  @Test
  void sinceStopsTheWalkAndLocateFindsExportedMergeCommits() {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String root = repo.write("a.txt", "1\n").commit("Initial");
    String second = repo.write("a.txt", "2\n").commit("Second (#2)");
    String third = repo.write("a.txt", "3\n").commit("Third (#3)");

    List<MergedChange> recent =
        MergeHistoryReader.read(repo.dir(), Optional.empty(), TestRepo.START.plusSeconds(90));
    List<MergedChange> located =
        MergeHistoryReader.locate(
            repo.dir(),
            List.of(
                exported(Optional.of(second)),
                exported(Optional.of("f".repeat(40))),
                exported(Optional.empty())));

    assertThat(recent).extracting(c -> c.number().orElseThrow()).containsExactly(3);
    assertThat(recent.get(0).range()).contains(new MergedChange.Range(second, third));
    assertThat(located.get(0).range()).contains(new MergedChange.Range(root, second));
    assertThat(located.get(1).range()).as("not in this clone").isEmpty();
    assertThat(located.get(2).range()).isEmpty();
  }

  private static MergedChange exported(Optional<String> mergeCommit) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new MergedChange(
        Optional.of(1),
        "t",
        "a",
        at,
        at,
        mergeCommit,
        Optional.empty(),
        1,
        1,
        1,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /** A merge commit, as GitHub's merge button makes it: never a fast-forward. */
  static RevCommit merge(TestRepo repo, String branch, String message) throws Exception {
    repo.git()
        .merge()
        .include(repo.repository().resolve(branch))
        .setFastForward(MergeCommand.FastForwardMode.NO_FF)
        .setMessage(message)
        .call();
    return repo.repository().parseCommit(repo.repository().resolve("HEAD"));
  }
}
