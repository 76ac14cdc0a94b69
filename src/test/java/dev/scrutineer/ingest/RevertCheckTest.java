package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevertCheckTest {
  @TempDir Path temp;

  @Test
  void aMergedChangeRevertsCleanlyUntilALaterCommitEditsTheSameLines() throws IOException {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String base = repo.write("a.txt", "one\ntwo\nthree\nfour\nfive\n").commit("Initial");
    String change = repo.write("a.txt", "one\nTWO\nthree\nfour\nfive\n").commit("Shout two");
    // The same file, lines apart: the revert has to merge its content, and still writes nothing.
    repo.write("a.txt", "one\nTWO\nthree\nfour\nFIVE\n").commit("Shout five");
    repo.branch("clean");
    repo.write("a.txt", "one\nTWO!\nthree\nfour\nFIVE\n").commit("Shout louder");
    long objects = looseObjects(repo);

    RevertCheck.Result clean = RevertCheck.check(repo.dir(), base, change, "clean");
    RevertCheck.Result conflicting = RevertCheck.check(repo.dir(), base, change, "main");

    assertThat(clean.merged()).isTrue();
    assertThat(clean.clean()).isTrue();
    assertThat(conflicting.merged()).isTrue();
    assertThat(conflicting.clean()).isFalse();
    assertThat(conflicting.conflicts()).containsExactly("a.txt");
    assertThat(looseObjects(repo)).as("nothing is written to the repository").isEqualTo(objects);
  }

  @Test
  void anUnmergedChangeIsMergedInMemoryInstead() {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String base = repo.write("a.txt", "one\n").commit("Initial");
    repo.branch("feature").checkout("feature");
    String head = repo.write("a.txt", "feature\n").commit("Feature edit");
    repo.checkout("main");
    repo.write("a.txt", "main\n").commit("Main edit");

    RevertCheck.Result result = RevertCheck.check(repo.dir(), base, head, "main");

    assertThat(result.merged()).isFalse();
    assertThat(result.clean()).isFalse();
    assertThat(result.conflicts()).containsExactly("a.txt");
  }

  private static long looseObjects(TestRepo repo) throws IOException {
    try (Stream<Path> files = Files.walk(repo.dir().resolve(".git/objects"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
