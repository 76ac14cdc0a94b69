package dev.scrutineer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.SourceTree;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sides of a change read through a session: blobs for commits, files for the work tree. */
class ChangeSessionTest {
  @TempDir Path temp;

  private final List<TestRepo> repos = new ArrayList<>();

  @AfterEach
  void closeRepositories() {
    repos.forEach(TestRepo::close);
  }

  @Test
  void baseIsTheMergeBaseAndHeadTheHeadCommit() {
    TestRepo repo = repo();
    String base = repo.write("src/A.java", "v1").write("keep.txt", "same").commit("base");
    repo.branch("feature").checkout("feature");
    repo.write("src/A.java", "v2").write("src/B.java", "new").commit("feature");
    repo.checkout("main").write("src/A.java", "main moved on").commit("main");
    repo.checkout("feature");

    try (ChangeSession session = open(repo, Optional.of("main"), false)) {
      assertThat(session.change().mergeBase().id()).isEqualTo(base);
      assertThat(text(session.base(), "src/A.java")).contains("v1");
      assertThat(text(session.head(), "src/A.java")).contains("v2");
      assertThat(text(session.base(), "src/B.java")).isEmpty();
      assertThat(text(session.head(), "src/B.java")).contains("new");
      assertThat(session.head().size("src/B.java")).isEqualTo(OptionalLong.of(3));
      assertThat(session.base().size("src/B.java")).isEmpty();
    }
  }

  @Test
  void onlyRegularFilesAreRead() {
    TestRepo repo = repo();
    repo.write("bin/run.sh", "#!/bin/sh")
        .chmodExecutable("bin/run.sh")
        .symlink("link.java", "bin/run.sh")
        .gitlink("vendor/lib", "0123456789abcdef0123456789abcdef01234567")
        .commit("base");
    String head = repo.write("other.txt", "x").commit("head");

    try (ChangeSession session = open(repo, Optional.of(head + "~1"), false)) {
      SourceTree tree = session.head();
      assertThat(text(tree, "bin/run.sh")).contains("#!/bin/sh");
      assertThat(text(tree, "link.java")).as("a symlink is not followed").isEmpty();
      assertThat(tree.size("link.java")).isEmpty();
      assertThat(text(tree, "bin")).as("a directory").isEmpty();
      assertThat(text(tree, "vendor/lib")).as("a submodule").isEmpty();
      assertThat(text(tree, "missing.txt")).isEmpty();
      assertThat(text(tree, "")).isEmpty();
    }
  }

  @Test
  void theWorkTreeIsReadWithoutFollowingSymlinksOrLeavingIt() throws IOException {
    TestRepo repo = repo();
    repo.write("src/A.java", "committed").commit("base");
    Files.writeString(repo.file("src/A.java"), "edited");
    Path outside = Files.writeString(temp.resolve("secret.txt"), "outside the tree");
    Files.createSymbolicLink(repo.file("src/Link.java"), outside);
    Files.createSymbolicLink(repo.file("linked"), temp);

    try (ChangeSession session = open(repo, Optional.empty(), true)) {
      SourceTree head = session.head();
      assertThat(text(session.base(), "src/A.java")).contains("committed");
      assertThat(text(head, "src/A.java")).contains("edited");
      assertThat(head.size("src/A.java")).isEqualTo(OptionalLong.of(6));
      assertThat(text(head, "src/Link.java")).as("a symlinked file").isEmpty();
      assertThat(text(head, "linked/secret.txt")).as("a symlinked directory").isEmpty();
      assertThat(text(head, "../secret.txt")).as("outside the tree").isEmpty();
      assertThat(text(head, "src/../../secret.txt")).isEmpty();
      assertThat(text(head, ".git/config")).as("git's own files").isEmpty();
      assertThat(text(head, "src")).as("a directory").isEmpty();
      assertThat(text(head, "src/A.java/x")).isEmpty();
    }
  }

  @Test
  void treesRefuseToReadOnceTheSessionIsClosed() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", "1").commit("base");
    repo.write("a.txt", "2").commit("head");

    ChangeSession session = open(repo, Optional.of(base), false);
    SourceTree head = session.head();
    session.close();
    session.close();

    assertThatThrownBy(() -> head.read("a.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void readingTheChangeAloneGivesTheSameChangeSet() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", "1").commit("base");
    repo.write("a.txt", "2").commit("head");
    ChangeQuery query = new ChangeQuery(repo.dir(), Optional.of(base), Optional.empty(), false);

    try (ChangeSession session = GitChangeReader.open(query)) {
      assertThat(GitChangeReader.read(query)).isEqualTo(session.change());
    }
  }

  private TestRepo repo() {
    TestRepo repo = TestRepo.init(temp.resolve("repo" + repos.size()));
    repos.add(repo);
    return repo;
  }

  private static ChangeSession open(TestRepo repo, Optional<String> base, boolean worktree) {
    return GitChangeReader.open(new ChangeQuery(repo.dir(), base, Optional.empty(), worktree));
  }

  private static Optional<String> text(SourceTree tree, String path) {
    return tree.read(path).map(bytes -> new String(bytes, UTF_8));
  }
}
