package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
  @TempDir Path dir;

  private TestRepo sample() {
    TestRepo repo = TestRepo.init(dir.resolve("repo"));
    repo.write("src/A.java", "class A {\n  int a;\n}\n").write("README", "hello\n");
    repo.commit("Add A");
    repo.write("src/A.java", "class A {\n  int a;\n  int b;\n}\n")
        .write("bin.dat", new byte[] {1, 0, 2});
    repo.commit("Grow A");
    repo.rename("src/A.java", "lib/A.java").write("README", "hello\nworld");
    repo.commit("Move A");
    repo.delete("README").write("lib/A.java", "class A {\n  long a;\n  int b;\n}\n");
    repo.commit("Fix A");
    return repo;
  }

  @Test
  void countsLinesPerFileAsGitLogNumstatDoes() {
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);

      assertThat(commits)
          .extracting(HistoryCommit::subject)
          .containsExactly("Add A", "Grow A", "Move A", "Fix A");
      assertThat(numstat(commits)).isEqualTo(gitNumstat(repo.dir()));
      assertThat(commits.get(2).files())
          .contains(new FileDelta("lib/A.java", Optional.of("src/A.java"), 0, 0, false));
      assertThat(commits.get(1).files())
          .contains(new FileDelta("bin.dat", Optional.empty(), 0, 0, true));
      assertThat(commits.get(1).parents()).containsExactly(commits.get(0).id());
      assertThat(commits.get(0).author().email()).isEqualTo(TestRepo.AUTHOR_EMAIL);
      assertThat(commits.get(3).commitTime()).isEqualTo(TestRepo.START.plusSeconds(180));
    }
  }

  @Test
  void aSharedRepositoryStaysOpenUntilBothSidesAreClosed() {
    try (TestRepo repo = sample()) {
      ChangeQuery query =
          new ChangeQuery(repo.dir(), Optional.of("HEAD~1"), Optional.of("HEAD"), false);
      HistoryReader reader;
      try (ChangeSession session = GitChangeReader.open(query)) {
        reader = HistoryReader.sharing(session);
      }
      assertThat(reader.read("HEAD", HistoryCache.none(), Progress.NONE)).hasSize(4);
      try (ChangeSession again = GitChangeReader.open(query, reader)) {
        reader.close();
        assertThat(again.base().read("lib/A.java")).isPresent();
        assertThat(again.change().files()).isNotEmpty();
      }
    }
  }

  @Test
  void aMergeHasNoFilesOfItsOwn() throws Exception {
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      repo.branch("side").checkout("side");
      repo.write("side.txt", "x\n");
      String side = repo.commit("Side");
      repo.checkout("main");
      repo.write("main.txt", "y\n");
      repo.commit("Main");
      repo.git().merge().include(repo.repository().resolve(side)).setMessage("Merge side").call();

      List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);

      HistoryCommit merge = commits.get(commits.size() - 1);
      assertThat(merge.isMerge()).isTrue();
      assertThat(merge.files()).isEmpty();
      assertThat(commits).hasSize(7);
      assertThat(numstat(commits)).isEqualTo(gitNumstat(repo.dir()));
    }
  }

  @Test
  void aSecondReadMinesOnlyCommitsTheCacheHasNotSeen() {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> first;
      try (HistoryCache cache = HistoryCache.openFile(cacheFile)) {
        first = reader.read("HEAD", cache, Progress.NONE);
      }
      repo.write("lib/B.java", "class B {}\n");
      repo.commit("Add B");

      List<Integer> cachedAtStart = new ArrayList<>();
      List<HistoryCommit> second;
      try (HistoryCache cache = HistoryCache.openFile(cacheFile)) {
        AtomicInteger calls = new AtomicInteger();
        second =
            reader.read(
                "HEAD",
                cache,
                (task, done, total) -> {
                  if (calls.getAndIncrement() == 0) {
                    cachedAtStart.add(done);
                  }
                });
        assertThat(cache.diagnostics()).isEmpty();
      }

      assertThat(cachedAtStart).containsExactly(4);
      assertThat(second.subList(0, 4)).isEqualTo(first);
      assertThat(second.get(4).files())
          .containsExactly(new FileDelta("lib/B.java", Optional.empty(), 1, 0, false));
    }
  }

  @Test
  void theCommitAShallowCloneWasCutAtHasNoFiles() {
    try (TestRepo repo = sample()) {
      Path clone = dir.resolve("shallow");
      GitCli.run(
          dir, "clone", "-q", "--depth", "2", repo.dir().toUri().toString(), clone.toString());
      try (HistoryReader reader = HistoryReader.open(clone)) {
        List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);

        assertThat(commits).extracting(HistoryCommit::subject).containsExactly("Move A", "Fix A");
        assertThat(commits.get(0).files()).isEmpty();
        assertThat(commits.get(1).files()).hasSize(2);
      }
    }
  }

  @Test
  void aBlobMissingFromTheRepositoryCountsAsBinary() throws Exception {
    try (TestRepo repo = sample()) {
      String blob = repo.resolve("HEAD:lib/A.java");
      Files.delete(
          repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
      try (HistoryReader reader = HistoryReader.open(repo.dir())) {
        List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);

        assertThat(commits.get(3).files())
            .contains(new FileDelta("lib/A.java", Optional.empty(), 0, 0, true));
      }
    }
  }

  @Test
  void anEmptyRepositoryIsAnInputError() {
    try (TestRepo repo = TestRepo.init(dir.resolve("empty"));
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      assertThatThrownBy(() -> reader.read("HEAD", HistoryCache.none(), Progress.NONE))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("HEAD");
    }
  }

  @Test
  void anUnknownRevisionIsAnInputError() {
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      assertThatThrownBy(() -> reader.read("nope", HistoryCache.none(), Progress.NONE))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("unknown revision 'nope'");
    }
  }

  @Test
  void readsTheMailmapOfTheRevision() {
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      assertThat(reader.mailmap("HEAD")).isEmpty();
      repo.write(".mailmap", "Ada <ada@example.com> <ada@old.example>\n");
      repo.commit("Mailmap");
      assertThat(reader.mailmap("HEAD")).contains("Ada <ada@example.com> <ada@old.example>\n");
    }
  }

  /** Commit id to the sorted "added deleted" pairs of its files. */
  private static Map<String, List<String>> numstat(List<HistoryCommit> commits) {
    Map<String, List<String>> byCommit = new HashMap<>();
    for (HistoryCommit commit : commits) {
      List<String> counts = new ArrayList<>();
      for (FileDelta file : commit.files()) {
        counts.add(file.binary() ? "- -" : file.added() + " " + file.deleted());
      }
      counts.sort(null);
      byCommit.put(commit.id(), counts);
    }
    return byCommit;
  }

  private static Map<String, List<String>> gitNumstat(Path repo) {
    Map<String, List<String>> byCommit = new HashMap<>();
    String current = null;
    for (String line :
        GitCli.text(repo, "log", "--numstat", "-M", "--diff-algorithm=histogram", "--format=%H")
            .split("\n")) {
      if (line.matches("[0-9a-f]{40}")) {
        current = line;
        byCommit.put(current, new ArrayList<>());
      } else if (!line.isBlank()) {
        String[] parts = line.split("\t");
        byCommit.get(current).add(parts[0] + " " + parts[1]);
      }
    }
    byCommit.values().forEach(list -> list.sort(null));
    return byCommit;
  }
}
