package dev.scrutineer.ingest;

import dev.scrutineer.ingest.CommitEdits.FileEdits;
import dev.scrutineer.ingest.CommitEdits.Kind;
import dev.scrutineer.ingest.CommitEdits.Source;
import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Person;
import dev.scrutineer.store.KeyedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Mined commits, their line edits and blame results in an embedded SQLite file, keyed by commit id.
 * Both are pure functions of the commit (its id fixes its content and its ancestors), so a later
 * run mines only the commits it has not seen, in this repository or a clone of it. Rows of another
 * format {@link #VERSION} are deleted on open. Like the facts cache, it never fails its caller: one
 * that cannot be used is switched off with one diagnostic and everything is mined again.
 *
 * <p>Safe to use from several threads.
 */
public final class HistoryCache implements AutoCloseable {
  /** Bumped whenever mining, blaming or the encoding below changes what a row means. */
  static final int VERSION = 2;

  /** Histories kept whole; each is tens of megabytes for a large repository. */
  static final int HISTORIES_KEPT = 3;

  private static final int BUSY_TIMEOUT_MILLIS = 30_000;
  private static final int LOOKUP_CHUNK = 500;

  private final Path file;
  private Connection connection;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Whole histories, beside the database, in {@code histories/}. */
  private final Optional<KeyedFiles> histories;

  private HistoryCache(Path file) {
    this.file = file;
    this.histories =
        Optional.ofNullable(file)
            .map(
                f ->
                    new KeyedFiles(
                        f.toAbsolutePath().getParent().resolve("histories"),
                        ".history",
                        HISTORIES_KEPT));
  }

  /** No cache: everything is mined every time. */
  public static HistoryCache none() {
    return new HistoryCache(null);
  }

  /**
   * {@code history.db} in {@code directory} when given, else in {@code $SCRUTINEER_CACHE}, {@code
   * $XDG_CACHE_HOME/scrutineer} or {@code ~/.cache/scrutineer}, the facts cache's directory.
   */
  public static HistoryCache open(Optional<Path> directory) {
    return openFile(directory.orElseGet(() -> defaultDirectory(System.getenv())).resolve(FILE));
  }

  static final String FILE = "history.db";

  static Path defaultDirectory(Map<String, String> env) {
    String dir = env.get("SCRUTINEER_CACHE");
    if (dir != null && !dir.isBlank()) {
      return Paths.get(dir);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Paths.get(xdg, "scrutineer");
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "scrutineer");
  }

  /** The cache in {@code file}, created when missing. */
  public static HistoryCache openFile(Path file) {
    HistoryCache cache = new HistoryCache(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      cache.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = cache.connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        for (String table : List.of("commits", "edits", "blames")) {
          s.execute(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (id TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL,"
                  + " PRIMARY KEY (id, version)) WITHOUT ROWID");
          s.execute("DELETE FROM " + table + " WHERE version <> " + VERSION);
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      cache.disable(e);
    }
    return cache;
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public synchronized List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /**
   * The whole history read from {@code tip}, when it was stored by {@link #storeHistory}; empty
   * when it was not, or cannot be read.
   */
  synchronized Optional<List<HistoryCommit>> history(String tip) {
    if (histories.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = histories.get().read(tip);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      StoredHistory stored = StoredHistory.decode(bytes.get());
      return stored.tip().equals(tip) ? Optional.of(stored.commits()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // damaged or of another version: read again, and stored again
    }
  }

  /** Stores the whole history read from {@code tip}, dropping the least recently used. */
  synchronized void storeHistory(String tip, List<HistoryCommit> commits) {
    if (histories.isEmpty() || connection == null) {
      return; // a cache that cannot be used stores nothing
    }
    try {
      histories.get().write(tip, new StoredHistory(tip, commits).encode());
    } catch (IOException | RuntimeException e) {
      // The rows are stored: the next run reads them, only more slowly.
      if (diagnostics.isEmpty()) {
        diagnostics.add(
            Diagnostic.warning(
                "the history of "
                    + tip
                    + " could not be stored in "
                    + histories.get().directory()
                    + " ("
                    + e.getMessage()
                    + "), so the next run reads it from "
                    + file
                    + " again, more slowly; make the directory writable, or set SCRUTINEER_CACHE"
                    + " to a writable directory"));
      }
    }
  }

  /**
   * The commits with these ids: from the most recently used stored history whose tip is one of them
   * (an ancestor: in CI, the previous merge-base), the rest from their rows.
   */
  synchronized Map<String, HistoryCommit> commits(List<String> ids) {
    Map<String, HistoryCommit> found = new HashMap<>();
    ancestorHistory(new HashSet<>(ids))
        .ifPresent(h -> h.commits().forEach(c -> found.put(c.id(), c)));
    List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
    found.putAll(load("commits", missing, HistoryCache::decodeCommit));
    return found;
  }

  private Optional<StoredHistory> ancestorHistory(Set<String> ids) {
    if (histories.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (Path stored : histories.get().newestFirst()) {
        byte[] bytes = Files.readAllBytes(stored);
        if (StoredHistory.tipOf(bytes).filter(ids::contains).isPresent()) {
          return Optional.of(StoredHistory.decode(bytes));
        }
      }
    } catch (IOException e) {
      // damaged, or replaced meanwhile: the rows have every commit
    }
    return Optional.empty();
  }

  synchronized void storeCommits(List<HistoryCommit> commits) {
    Map<String, byte[]> rows = new HashMap<>();
    commits.forEach(c -> rows.put(c.id(), encode(c)));
    store("commits", rows);
  }

  synchronized Map<String, CommitEdits> edits(List<String> ids) {
    return load("edits", ids, HistoryCache::decodeEdits);
  }

  synchronized void storeEdits(List<CommitEdits> edits) {
    Map<String, byte[]> rows = new HashMap<>();
    edits.forEach(e -> rows.put(e.id(), encode(e)));
    store("edits", rows);
  }

  synchronized Map<String, List<BlamedLine>> blames(List<String> fixIds) {
    return load("blames", fixIds, HistoryCache::decodeBlame);
  }

  synchronized void storeBlames(Map<String, List<BlamedLine>> blames) {
    Map<String, byte[]> rows = new HashMap<>();
    blames.forEach((id, lines) -> rows.put(id, encode(lines)));
    store("blames", rows);
  }

  private <T> Map<String, T> load(String table, List<String> ids, Function<byte[], T> decode) {
    Map<String, byte[]> rows = new HashMap<>();
    if (connection == null) {
      return new HashMap<>();
    }
    try {
      for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, data FROM "
                    + table
                    + " WHERE version = "
                    + VERSION
                    + " AND id IN ("
                    + marks
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i));
          }
          try (ResultSet found = select.executeQuery()) {
            while (found.next()) {
              rows.put(found.getString(1), found.getBytes(2));
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      disable(e);
      return new HashMap<>();
    }
    return decodeAll(rows, decode);
  }

  /**
   * Decodes rows on every processor: for a large history, turning bytes back into commits costs
   * more than reading them. A damaged row is a miss: the commit is mined again and the row
   * replaced.
   */
  private static <T> Map<String, T> decodeAll(
      Map<String, byte[]> rows, Function<byte[], T> decode) {
    Map<String, T> decoded = new ConcurrentHashMap<>();
    rows.entrySet().parallelStream()
        .forEach(
            row -> {
              try {
                decoded.put(row.getKey(), decode.apply(row.getValue()));
              } catch (UncheckedIOException | IllegalArgumentException e) {
                // left out: mined again
              }
            });
    return new HashMap<>(decoded);
  }

  private void store(String table, Map<String, byte[]> rows) {
    if (connection == null || rows.isEmpty()) {
      return;
    }
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO " + table + " (id, version, data) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, byte[]> row : rows.entrySet()) {
          insert.setString(1, row.getKey());
          insert.setInt(2, VERSION);
          insert.setBytes(3, row.getValue());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      disable(e);
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a cache that failed changes nothing for the run.
      }
      connection = null;
    }
  }

  private void disable(Exception e) {
    close();
    if (diagnostics.isEmpty()) {
      diagnostics.add(
          Diagnostic.warning(
              "the history cache "
                  + file
                  + " cannot be used ("
                  + e.getMessage()
                  + "), so all history was mined again; delete it, or set SCRUTINEER_CACHE to a"
                  + " writable directory"));
    }
  }

  static byte[] encode(HistoryCommit commit) {
    return write(
        out -> {
          out.writeInt(commit.parents().size());
          for (String parent : commit.parents()) {
            string(out, parent);
          }
          string(out, commit.author().name());
          string(out, commit.author().email());
          out.writeLong(commit.authorTime().getEpochSecond());
          out.writeLong(commit.commitTime().getEpochSecond());
          string(out, commit.message());
          out.writeInt(commit.files().size());
          for (FileDelta file : commit.files()) {
            string(out, file.path());
            string(out, file.oldPath().orElse(""));
            out.writeInt(file.added());
            out.writeInt(file.deleted());
            out.writeBoolean(file.binary());
          }
        },
        commit.id());
  }

  static HistoryCommit decodeCommit(byte[] data) {
    return read(
        data,
        in -> {
          String id = string(in);
          int parentCount = in.readInt();
          List<String> parents = new ArrayList<>(parentCount);
          for (int i = 0; i < parentCount; i++) {
            parents.add(string(in));
          }
          Person author = new Person(string(in), string(in));
          Instant authorTime = Instant.ofEpochSecond(in.readLong());
          Instant commitTime = Instant.ofEpochSecond(in.readLong());
          String message = string(in);
          int fileCount = in.readInt();
          List<FileDelta> files = new ArrayList<>(fileCount);
          for (int i = 0; i < fileCount; i++) {
            String path = string(in);
            String oldPath = string(in);
            files.add(
                new FileDelta(
                    path,
                    oldPath.isEmpty() ? Optional.empty() : Optional.of(oldPath),
                    in.readInt(),
                    in.readInt(),
                    in.readBoolean()));
          }
          return new HistoryCommit(id, parents, author, authorTime, commitTime, message, files);
        });
  }

  static byte[] encode(CommitEdits edits) {
    return write(
        out -> {
          out.writeInt(edits.files().size());
          for (FileEdits file : edits.files()) {
            string(out, file.path());
            out.writeByte(file.kind().ordinal());
            out.writeInt(file.lines());
            out.writeInt(file.sources().size());
            for (Source source : file.sources()) {
              out.writeInt(source.parent());
              string(out, source.path());
              ints(out, source.edits());
            }
            ints(out, file.fixable());
          }
        },
        edits.id());
  }

  static CommitEdits decodeEdits(byte[] data) {
    return read(
        data,
        in -> {
          String id = string(in);
          int fileCount = in.readInt();
          List<FileEdits> files = new ArrayList<>(fileCount);
          for (int i = 0; i < fileCount; i++) {
            String path = string(in);
            int kind = in.readByte();
            if (kind < 0 || kind >= KINDS.length) {
              throw new IllegalArgumentException("bad edit kind in a cache row");
            }
            int lines = in.readInt();
            int sourceCount = in.readInt();
            List<Source> sources = new ArrayList<>(sourceCount);
            for (int s = 0; s < sourceCount; s++) {
              sources.add(new Source(in.readInt(), string(in), ints(in)));
            }
            files.add(new FileEdits(path, KINDS[kind], lines, sources, ints(in)));
          }
          return new CommitEdits(id, files);
        });
  }

  private static final Kind[] KINDS = Kind.values();

  private static void ints(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available() / 4) {
      throw new IllegalArgumentException("bad array length in a cache row");
    }
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  static byte[] encode(List<BlamedLine> lines) {
    return write(
        out -> {
          out.writeInt(lines.size());
          for (BlamedLine line : lines) {
            string(out, line.path());
            out.writeInt(line.line());
            string(out, line.inducingId());
          }
        },
        "");
  }

  static List<BlamedLine> decodeBlame(byte[] data) {
    return read(
        data,
        in -> {
          string(in);
          int count = in.readInt();
          List<BlamedLine> lines = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            lines.add(new BlamedLine(string(in), in.readInt(), string(in)));
          }
          return List.copyOf(lines);
        });
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** Writes a leading string (the row's own id, checked on read) and then the body. */
  private static byte[] write(Writer body, String head) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      string(out, head);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] data, Reader<T> body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      T value = body.read(in);
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes in a cache row");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A string as its UTF-8 length and bytes; {@code writeUTF} stops at 64 KiB, messages may not. */
  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IllegalArgumentException("bad string length in a cache row");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
