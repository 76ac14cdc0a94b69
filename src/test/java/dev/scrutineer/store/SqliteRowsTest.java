package dev.scrutineer.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRowsTest {
  @TempDir Path temp;

  @Test
  void rowsAreFoundByKeyInTheirOwnTable() {
    try (SqliteRows rows = SqliteRows.open(temp.resolve("sub/r.db"), 1, "id", "a", "b")) {
      rows.write("a", Map.of("k1", bytes("one"), "k2", bytes("two")));
      rows.write("b", Map.of("k1", bytes("other")));
      rows.write("a", Map.of("k2", bytes("two again")));

      assertThat(text(rows.read("a", List.of("k1", "k2", "k3"))))
          .isEqualTo(Map.of("k1", "one", "k2", "two again"));
      assertThat(text(rows.read("b", List.of("k1", "k2")))).isEqualTo(Map.of("k1", "other"));
      assertThat(rows.problem()).isEmpty();
      assertThatThrownBy(() -> rows.read("c", List.of("k1")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void moreKeysThanOneStatementTakesAreReadInChunks() {
    Map<String, byte[]> many = new HashMap<>();
    for (int i = 0; i < 1_234; i++) {
      many.put("k" + i, bytes("v" + i));
    }
    try (SqliteRows rows = SqliteRows.open(temp.resolve("r.db"), 1, "id", "a")) {
      rows.write("a", many);
      List<String> keys = new ArrayList<>(many.keySet());
      keys.add("missing");

      Map<String, String> found = text(rows.read("a", keys));

      assertThat(found).hasSize(1_234).containsEntry("k0", "v0").containsEntry("k1233", "v1233");
    }
  }

  @Test
  void rowsOfAnotherVersionAreDeletedOnOpen() {
    Path file = temp.resolve("r.db");
    try (SqliteRows rows = SqliteRows.open(file, 1, "id", "a")) {
      rows.write("a", Map.of("k1", bytes("one")));
    }
    try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
      assertThat(rows.read("a", List.of("k1"))).isEmpty();
    }
    try (SqliteRows rows = SqliteRows.open(file, 1, "id", "a")) {
      assertThat(rows.read("a", List.of("k1"))).isEmpty();
    }
  }

  @Test
  void aVersionThatPreparedTheTablesOpensThemAgainWithoutTheWriteLock() throws Exception {
    Path file = temp.resolve("r.db");
    try (SqliteRows rows = SqliteRows.open(file, 1, "id", "a")) {
      rows.write("a", Map.of("k1", bytes("one")));
    }
    // Another process writing holds the write lock: preparing the tables would wait for it until
    // the busy timeout and give up; opening them once prepared reads on.
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = writer.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("INSERT INTO a VALUES ('k2', 1, X'74776F')");
      try (SqliteRows rows = SqliteRows.open(file, 1, "id", "a")) {
        assertThat(rows.problem()).isEmpty();
        assertThat(text(rows.read("a", List.of("k1")))).isEqualTo(Map.of("k1", "one"));
      }
      s.execute("COMMIT");
    }
  }

  @Test
  void rowsOfAnotherVersionWrittenAfterThePreparationGoWhenThatVersionIsNextLeftBehind() {
    Path file = temp.resolve("r.db");
    try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
      rows.write("a", Map.of("k2", bytes("two")));
    }
    try (SqliteRows old = SqliteRows.open(file, 1, "id", "a")) {
      assertThat(old.read("a", List.of("k2"))).as("version 1 deletes version 2's rows").isEmpty();
      old.write("a", Map.of("k1", bytes("one")));
    }
    try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
      assertThat(rows.read("a", List.of("k1"))).as("version 2 deletes version 1's rows").isEmpty();
      rows.write("a", Map.of("k2", bytes("two")));
    }
    try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
      assertThat(text(rows.read("a", List.of("k2")))).isEqualTo(Map.of("k2", "two"));
    }
  }

  @Test
  void aFileThatIsNotADatabaseClosesTheRowsWithItsProblem() throws IOException {
    Path file = temp.resolve("junk.db");
    Files.write(file, "this is not a database, just junk ".repeat(500).getBytes(UTF_8));
    try (SqliteRows rows = SqliteRows.open(file, 1, "id", "a")) {
      rows.write("a", Map.of("k1", bytes("one")));

      assertThat(rows.read("a", List.of("k1"))).isEmpty();
      assertThat(rows.isOpen()).isFalse();
      assertThat(rows.problem()).isPresent();
    }
  }

  @Test
  void aTableOfTheEarlierFormKeepsTheRowsOfThisVersionInTheNewForm() throws SQLException {
    Path file = temp.resolve("old.db");
    earlierForm(file);

    try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
      assertThat(text(rows.read("a", List.of("k1", "k2")))).isEqualTo(Map.of("k1", "one"));
      rows.write("a", Map.of("k2", bytes("two")));
      assertThat(text(rows.read("a", List.of("k2")))).isEqualTo(Map.of("k2", "two"));
      assertThat(rows.problem()).isEmpty();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet tables =
            s.executeQuery(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name <> '"
                    + SqliteRows.MARKS
                    + "'")) {
      assertThat(tables.next()).isTrue();
      assertThat(tables.getString(1)).isEqualTo("a");
      assertThat(tables.getString(2)).doesNotContainIgnoringCase("without rowid");
      assertThat(tables.next()).as("no other table is left").isFalse();
    }
  }

  @Test
  void twoOpeningAFileOfTheEarlierFormAtOnceBothFindItsRows() throws Exception {
    Path file = temp.resolve("old.db");
    earlierForm(file);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Map<String, String>>> reads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        reads.add(
            pool.submit(
                () -> {
                  try (SqliteRows rows = SqliteRows.open(file, 2, "id", "a")) {
                    assertThat(rows.problem()).isEmpty();
                    return text(rows.read("a", List.of("k1", "k2")));
                  }
                }));
      }
      for (Future<Map<String, String>> read : reads) {
        assertThat(read.get()).isEqualTo(Map.of("k1", "one"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A table {@code a} as earlier versions created it, with a row of version 2 and one of 1. */
  private static void earlierForm(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE a (id TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL,"
              + " PRIMARY KEY (id, version)) WITHOUT ROWID");
      s.execute("INSERT INTO a VALUES ('k1', 2, X'6F6E65'), ('k2', 1, X'74776F')");
    }
  }

  @Test
  void namesThatAreNotPlainWordsAreRefused() {
    Path file = temp.resolve("r.db");
    assertThatThrownBy(() -> SqliteRows.open(file, 1, "id", "a; DROP TABLE b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqliteRows.open(file, 1, "id)", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static Map<String, String> text(Map<String, byte[]> rows) {
    return rows.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new String(e.getValue(), UTF_8)));
  }
}
