package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCacheTest {
  @TempDir Path dir;

  @Test
  void damagedRowsAreMinedAgainAndReplaced() throws SQLException {
    Path file = dir.resolve("cache/history.db");
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write("A.java", "class A {}\n");
      repo.commit("Add A");
      repo.write("A.java", "class A {\n  int a;\n}\n");
      repo.commit("Grow A");
      List<HistoryCommit> first = read(repo, file);

      try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = db.createStatement()) {
        s.executeUpdate("UPDATE commits SET data = x'00000007'");
        s.executeUpdate("UPDATE edits SET data = x''");
      }

      assertThat(read(repo, file)).isEqualTo(first);
      try (HistoryCache cache = HistoryCache.openFile(file)) {
        List<String> ids = first.stream().map(HistoryCommit::id).toList();
        assertThat(cache.commits(ids)).hasSize(2);
        assertThat(cache.diagnostics()).isEmpty();
      }
    }
  }

  private static List<HistoryCommit> read(TestRepo repo, Path file) {
    try (HistoryReader reader = HistoryReader.open(repo.dir());
        HistoryCache cache = HistoryCache.openFile(file)) {
      return reader.read("HEAD", cache, Progress.NONE);
    }
  }
}
