package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirrors may lack their largest blobs; history is still mined, the file counted as binary. */
class MissingBlobTest {
  @TempDir Path temp;

  @Test
  void aMissingBlobCountsAsBinaryInsteadOfFailingTheHistory() throws IOException {
    try (TestRepo repo = TestRepo.init(temp.resolve("repo"))) {
      repo.write("a.txt", "one\n").write("big.bin", "large\ncontent\n").commit("first");
      repo.write("a.txt", "one\ntwo\n").write("big.bin", "larger\ncontent\n").commit("second");
      String blob = repo.resolve("HEAD:big.bin");
      Path loose =
          repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
      Files.delete(loose);

      List<HistoryCommit> commits;
      try (HistoryReader reader = HistoryReader.open(repo.dir())) {
        commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);
      }
      assertThat(commits).hasSize(2);
      assertThat(commits.get(1).files())
          .containsExactlyInAnyOrder(
              new FileDelta("a.txt", java.util.Optional.empty(), 1, 0, false),
              new FileDelta("big.bin", java.util.Optional.empty(), 0, 0, true));
    }
  }
}
