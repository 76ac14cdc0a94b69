package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.SourceTree;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a side's files, with blob ids that key caches by content. */
class SourceTreeListingTest {
  @TempDir Path temp;

  private final List<TestRepo> repos = new ArrayList<>();

  @AfterEach
  void closeRepositories() {
    repos.forEach(TestRepo::close);
  }

  @Test
  void aCommitListsItsRegularFilesSortedWithTheirStoredBlobIds() {
    TestRepo repo = repo();
    repo.write("src/b/B.java", "class B {}")
        .write("src/a.txt", "a")
        .write("bin/run.sh", "#!/bin/sh")
        .chmodExecutable("bin/run.sh")
        .symlink("link.java", "src/b/B.java")
        .gitlink("vendor/lib", "0123456789abcdef0123456789abcdef01234567")
        .commit("base");
    String head = repo.write("z.txt", "z").commit("head");

    try (ChangeSession session = open(repo, Optional.of(head + "~1"), false)) {
      assertThat(session.head().paths())
          .containsExactly("bin/run.sh", "src/a.txt", "src/b/B.java", "z.txt");
      assertThat(session.base().paths()).doesNotContain("z.txt");
      assertThat(session.head().blobId("src/b/B.java"))
          .contains(gitHashObject(repo, "src/b/B.java"));
      assertThat(session.head().blobId("link.java")).isEmpty();
      assertThat(session.head().blobId("missing")).isEmpty();
    }
  }

  @Test
  void filesFoundByNameAreThoseTheListingHasWithTheSameIdsListedOrNot() {
    TestRepo repo = repo();
    repo.write("pom.xml", "<project/>")
        .write("core/pom.xml", "<project>core</project>")
        .write("core/xpom.xml", "not a build file")
        .write("web/build.gradle", "plugins {}")
        .write("web/src/pom.xml.txt", "no")
        .symlink("linked/pom.xml", "pom.xml")
        .commit("base");
    Set<String> names = Set.of("pom.xml", "build.gradle");
    SortedMap<String, String> expected = new TreeMap<>();
    for (String path : List.of("core/pom.xml", "pom.xml", "web/build.gradle")) {
      expected.put(path, gitHashObject(repo, path));
    }

    try (ChangeSession session = open(repo, Optional.empty(), false)) {
      SourceTree head = session.head();
      assertThat(head.blobIdsOfFilesNamed(names)).isEqualTo(expected); // walked by name
      head.paths();
      assertThat(head.blobIdsOfFilesNamed(names)).isEqualTo(expected); // from the listing
      assertThat(head.blobIdsOfFilesNamed(Set.of())).isEmpty();
    }
    try (ChangeSession session = open(repo, Optional.empty(), true)) {
      assertThat(session.head().blobIdsOfFilesNamed(names)).isEqualTo(expected); // the work tree
    }
  }

  @Test
  void theWorkTreeListsTrackedAndUntrackedFilesButNotIgnoredOnes() {
    TestRepo repo = repo();
    repo.write("src/A.java", "class A {}").write("keep.log", "tracked, then ignored").commit("a");
    repo.write(".gitignore", "target/\n*.log\n").commit("ignore");
    repo.write("src/New.java", "class New {}")
        .write("target/Gen.java", "class Gen {}")
        .write("debug.log", "ignored")
        .symlink("link.java", "src/A.java");

    try (ChangeSession session = open(repo, Optional.empty(), true)) {
      SourceTree head = session.head();
      assertThat(head.paths())
          .containsExactly(".gitignore", "keep.log", "src/A.java", "src/New.java");
      assertThat(head.blobId("src/New.java")).contains(gitHashObject(repo, "src/New.java"));
      assertThat(head.blobId("link.java")).isEmpty();
    }
  }

  @Test
  void inMemoryAndEmptyTreesListAndHashLikeGit() {
    SourceTree tree =
        SourceTree.of(
            Map.of("b.txt", "hello\n".getBytes(StandardCharsets.UTF_8), "a.txt", new byte[0]));
    assertThat(tree.paths()).containsExactly("a.txt", "b.txt");
    // git hash-object of "hello\n" and of the empty file
    assertThat(tree.blobId("b.txt")).contains("ce013625030ba8dba906f756967f9e9ca394464a");
    assertThat(tree.blobId("a.txt")).contains("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    assertThat(SourceTree.EMPTY.paths()).isEmpty();
    assertThat(SourceTree.EMPTY.blobId("a.txt")).isEmpty();
  }

  private static String gitHashObject(TestRepo repo, String path) {
    return GitCli.text(repo.dir(), "hash-object", path).strip();
  }

  private TestRepo repo() {
    TestRepo repo = TestRepo.init(temp.resolve("repo" + repos.size()));
    repos.add(repo);
    return repo;
  }

  private static ChangeSession open(TestRepo repo, Optional<String> base, boolean worktree) {
    return GitChangeReader.open(new ChangeQuery(repo.dir(), base, Optional.empty(), worktree));
  }
}
