package dev.scrutineer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.history.History;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The history up to the merge-base is the same whichever thread reads it, or none beforehand. */
@Timeout(60)
class BaseHistoryTest {
  @TempDir Path dir;
  @TempDir Path cache;

  @Test
  void historyNoOtherThreadReadIsReadWhenAwaited() {
    try (TestRepo repo = repoWithHistory();
        ChangeSession session = open(repo);
        BaseHistory history = BaseHistory.of(session, cache)) {
      List<Diagnostic> diagnostics = new ArrayList<>();

      Optional<History> read = history.await(diagnostics);

      assertThat(read).map(History::size).contains(3); // up to the merge-base: HEAD~1
      assertThat(diagnostics).isEmpty();
    }
  }

  @Test
  void historyReadOnAnotherThreadIsTheOneAwaited() throws Exception {
    try (TestRepo repo = repoWithHistory();
        ChangeSession session = open(repo);
        BaseHistory history = BaseHistory.of(session, cache)) {
      AtomicReference<String> reader = new AtomicReference<>();
      Thread side =
          new Thread(
              () -> {
                history.load();
                reader.set(Thread.currentThread().getName());
              },
              "side");
      side.start();
      side.join();
      // Read there: mined and stored in the cache before anyone awaited it.
      try (var stored = Files.list(cache)) {
        assertThat(stored).isNotEmpty();
      }

      Optional<History> read = history.await(new ArrayList<>());

      assertThat(reader.get()).isEqualTo("side");
      assertThat(read).map(History::size).contains(3);
    }
  }

  private TestRepo repoWithHistory() {
    TestRepo repo = TestRepo.init(dir);
    for (int i = 0; i < 4; i++) {
      repo.write("src/A.java", "class A { int v = " + i + "; }\n").commit("change " + i);
    }
    return repo;
  }

  private static ChangeSession open(TestRepo repo) {
    return GitChangeReader.open(
        new ChangeQuery(repo.dir(), Optional.of("HEAD~1"), Optional.of("HEAD"), false));
  }
}
