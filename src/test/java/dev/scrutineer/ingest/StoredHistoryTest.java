package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Progress;
import dev.scrutineer.store.KeyedFiles;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredHistoryTest {
  @TempDir Path dir;

  private static final HistoryCommit ROOT =
      new HistoryCommit(
          "a".repeat(40),
          List.of(),
          new Person("Ada", "ada@example.com"),
          Instant.ofEpochSecond(1_700_000_000L),
          Instant.ofEpochSecond(1_700_000_100L),
          "Add A\n\nWith a body: ünïcödé, 日本語\n",
          List.of(new FileDelta("src/A.java", Optional.empty(), 3, 0, false)));

  private static final HistoryCommit CHILD =
      new HistoryCommit(
          "b".repeat(40),
          List.of(ROOT.id()),
          new Person("Ada", "ada@example.com"),
          Instant.ofEpochSecond(1_700_000_200L),
          Instant.ofEpochSecond(1_700_000_300L),
          "",
          List.of(
              new FileDelta("src/B.java", Optional.of("src/A.java"), 1, 2, false),
              new FileDelta("logo.png", Optional.empty(), 0, 0, true)));

  @Test
  void decodesToTheSameCommits() throws IOException {
    StoredHistory history = new StoredHistory(CHILD.id(), List.of(ROOT, CHILD));

    byte[] bytes = history.encode();

    assertThat(StoredHistory.decode(ByteBuffer.wrap(bytes))).isEqualTo(history);
    assertThat(StoredHistory.tipOf(ByteBuffer.wrap(bytes))).contains(CHILD.id());
  }

  @Test
  void damagedOrCutBytesAreRefused() {
    byte[] bytes = new StoredHistory(CHILD.id(), List.of(ROOT, CHILD)).encode();
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 1;

    assertThatThrownBy(() -> StoredHistory.decode(ByteBuffer.wrap(flipped)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> StoredHistory.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - 1))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> StoredHistory.decode(ByteBuffer.wrap(new byte[3])))
        .isInstanceOf(IOException.class);
    assertThat(StoredHistory.tipOf(ByteBuffer.wrap(new byte[3]))).isEmpty();
  }

  @Test
  void aSecondReadOfTheSameRevisionMinesNothingAndReadsNoRow() throws SQLException {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> first = read(reader, cacheFile, Progress.NONE);
      emptyRows(cacheFile);

      List<String> progress = new ArrayList<>();
      List<HistoryCommit> second =
          read(reader, cacheFile, (task, done, total) -> progress.add(task + " " + done));

      assertThat(second).isEqualTo(first);
      assertThat(progress).isEmpty();
    }
  }

  @Test
  void aLaterRevisionTakesTheCommitsOfAStoredAncestorAndMinesOnlyTheNewOnes() throws SQLException {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> first = read(reader, cacheFile, Progress.NONE);
      emptyRows(cacheFile);
      repo.write("B.java", "class B {}\n");
      repo.commit("Add B");

      List<Integer> cachedAtStart = new ArrayList<>();
      List<HistoryCommit> second =
          read(
              reader,
              cacheFile,
              (task, done, total) -> {
                if (cachedAtStart.isEmpty()) {
                  cachedAtStart.add(done);
                }
              });

      assertThat(cachedAtStart).containsExactly(first.size());
      assertThat(second.subList(0, first.size())).isEqualTo(first);
      assertThat(second).hasSize(first.size() + 1);
      try (HistoryReader fresh = HistoryReader.open(repo.dir())) {
        assertThat(second).isEqualTo(fresh.read("HEAD", HistoryCache.none(), Progress.NONE));
      }
    }
  }

  @Test
  void aDamagedStoredHistoryIsReadAgainAndReplaced() throws IOException {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> first = read(reader, cacheFile, Progress.NONE);
      Path stored = storedHistories(cacheFile).get(0);
      byte[] bytes = Files.readAllBytes(stored);
      bytes[bytes.length / 2] ^= 1;
      Files.write(stored, bytes);

      assertThat(read(reader, cacheFile, Progress.NONE)).isEqualTo(first);
      assertThat(StoredHistory.decode(KeyedFiles.map(stored)).commits()).isEqualTo(first);
    }
  }

  @Test
  void aHistoryThatCannotBeStoredIsReadFromTheRowsWithAWarning() throws IOException {
    Path cacheFile = dir.resolve("cache/history.db");
    Files.createDirectories(cacheFile.getParent());
    Files.writeString(
        cacheFile.getParent().resolve("histories"), "a file where the directory goes");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> first;
      try (HistoryCache cache = HistoryCache.openFile(cacheFile)) {
        first = reader.read("HEAD", cache, Progress.NONE);
        assertThat(cache.diagnostics())
            .singleElement()
            .satisfies(d -> assertThat(d.message()).contains("could not be stored"));
      }

      List<String> progress = new ArrayList<>();
      try (HistoryCache cache = HistoryCache.openFile(cacheFile)) {
        assertThat(reader.read("HEAD", cache, (task, done, total) -> progress.add(task + done)))
            .isEqualTo(first);
      }
      assertThat(progress).containsExactly("mining history" + first.size()); // all from rows
    }
  }

  @Test
  void aShallowClonesHistoryIsNotStored() throws IOException {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample()) {
      Path clone = dir.resolve("shallow");
      GitCli.run(
          dir, "clone", "-q", "--depth", "2", repo.dir().toUri().toString(), clone.toString());
      try (HistoryReader reader = HistoryReader.open(clone)) {
        assertThat(read(reader, cacheFile, Progress.NONE)).hasSize(2);
      }
      assertThat(storedHistories(cacheFile)).isEmpty();
    }
  }

  @Test
  void onlyTheMostRecentlyUsedHistoriesAreKept() throws IOException {
    Path cacheFile = dir.resolve("cache/history.db");
    try (TestRepo repo = sample();
        HistoryReader reader = HistoryReader.open(repo.dir())) {
      for (int i = 0; i <= HistoryCache.HISTORIES_KEPT; i++) {
        repo.write("N.java", "class N { int n = " + i + "; }\n");
        repo.commit("Change N " + i);
        read(reader, cacheFile, Progress.NONE);
      }
      assertThat(storedHistories(cacheFile)).hasSize(HistoryCache.HISTORIES_KEPT);
    }
  }

  private TestRepo sample() {
    TestRepo repo = TestRepo.init(dir.resolve("repo"));
    repo.write("A.java", "class A {}\n");
    repo.commit("Add A");
    repo.write("A.java", "class A {\n  int a;\n}\n");
    repo.commit("Grow A");
    repo.rename("A.java", "C.java");
    repo.commit("Rename A");
    return repo;
  }

  private static List<HistoryCommit> read(HistoryReader reader, Path cacheFile, Progress progress) {
    try (HistoryCache cache = HistoryCache.openFile(cacheFile)) {
      List<HistoryCommit> commits = reader.read("HEAD", cache, progress);
      assertThat(cache.diagnostics()).isEmpty();
      return commits;
    }
  }

  /** Leaves only the stored histories to read commits from. */
  private static void emptyRows(Path cacheFile) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
        Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM commits");
    }
  }

  private static List<Path> storedHistories(Path cacheFile) throws IOException {
    Path histories = cacheFile.getParent().resolve("histories");
    if (!Files.isDirectory(histories)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(histories)) {
      return files.filter(f -> f.toString().endsWith(".history")).toList();
    }
  }
}
