package dev.scrutineer.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Tables of an embedded SQLite file holding byte rows keyed by a content id and the version of the
 * code that wrote them: {@code (<key>, version, data)}. Write-ahead logging and a busy timeout let
 * two processes share the file; rows of other versions are deleted when a version first opens the
 * tables. Any SQLite error closes the file for the rest of the run and is kept as its {@link
 * #problem()}: reads then find nothing and writes do nothing, so a caller goes on without the rows.
 *
 * <p>Safe to use from several threads.
 */
public final class SqliteRows implements AutoCloseable {
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /** Keys looked up per statement, well under SQLite's limit on parameters. */
  private static final int LOOKUP_CHUNK = 500;

  private static final Pattern NAME = Pattern.compile("[a-z_]+");

  private final Path file;
  private final String key;
  private final Set<String> tables;
  private final int version;
  private Connection connection;
  private String problem;

  private SqliteRows(Path file, String key, Set<String> tables, int version) {
    for (String name : tables) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a table name: " + name);
      }
    }
    if (!NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("not a column name: " + key);
    }
    this.file = file;
    this.key = key;
    this.tables = tables;
    this.version = version;
  }

  /**
   * Loads SQLite's native library and opens and closes a database in memory, which the first {@link
   * #open} would otherwise do: loading the library takes tens of milliseconds, and so does
   * sqlite-jdbc's set-up of its first connection (a date format, with the time zone and locale data
   * behind it). A caller with a processor to spare can have both done before they are needed. A
   * library that cannot be loaded is left for {@link #open} to report.
   */
  public static void loadLibrary() {
    try {
      SQLiteJDBCLoader.initialize();
      DriverManager.getConnection("jdbc:sqlite::memory:").close();
    } catch (Exception e) {
      // open() fails the same way, and keeps the problem
    }
  }

  /**
   * The {@code tables} of {@code file} (all created when missing), each keyed by a column named
   * {@code key}, keeping only rows of {@code version}; closed, with its problem, when the file
   * cannot be used.
   */
  public static SqliteRows open(Path file, int version, String key, String... tables) {
    SqliteRows rows = new SqliteRows(file, key, Set.of(tables), version);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      rows.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = rows.connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        writeAheadLogging(s);
        s.execute("PRAGMA synchronous = NORMAL");
      }
      for (String table : tables) {
        rows.prepare(table);
      }
    } catch (SQLException | IOException | RuntimeException e) {
      rows.fail(e);
    }
    return rows;
  }

  /**
   * Switches the file to write-ahead logging. A file still in the rollback journal's mode (as
   * earlier versions left it) needs an exclusive lock for that, and SQLite answers "busy" at once,
   * without waiting out the busy timeout, while another process opening it holds a lock: tried
   * again until the timeout.
   */
  private static void writeAheadLogging(Statement s) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MILLIS);
    while (true) {
      try {
        s.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLException e) {
        if (e.getErrorCode() != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
          throw e;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /**
   * Creates {@code table} when missing, moves the rows of this version out of a table of the form
   * earlier versions created, and deletes rows of other versions: one transaction, which another
   * process opening the same file waits for. The old table's pages are left free for later rows,
   * like those of deleted rows: giving them back (a {@code VACUUM}) rewrites the whole file, which
   * on spring-framework's caches took three times as long as the rebuild.
   *
   * <p>Done once per version: a mark in the file ({@link #MARKS}) then says the table holds this
   * version's rows only, and later opens take no lock and read nothing more. Deleting scanned every
   * row, 48 MB of spring-framework's history cache on every run. Rows another version writes after
   * the mark are never read, and go when a version that is not theirs next prepares the table.
   */
  private void prepare(String table) throws SQLException {
    if (marked(table)) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      // Immediate: the write lock first, so that no other process can write between the look at
      // the table's form and the change of it.
      s.execute("BEGIN IMMEDIATE");
      try {
        migrateOrCreate(s, table);
        mark(s, table);
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  /** The table of marks: each prepared table's name, with the version it was prepared for. */
  static final String MARKS = "prepared_tables";

  /** Whether the marks say {@code table} was prepared for this version. */
  private boolean marked(String table) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT m.version FROM "
                + MARKS
                + " m JOIN sqlite_master t ON t.type = 'table' AND t.name = m.name"
                + " WHERE m.name = ? AND m.version = "
                + version)) {
      select.setString(1, table);
      try (ResultSet result = select.executeQuery()) {
        return result.next();
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == SQLiteErrorCode.SQLITE_ERROR.code) {
        return false; // no table of marks yet
      }
      throw e;
    }
  }

  private void mark(Statement s, String table) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS "
            + MARKS
            + " (name TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO " + MARKS + " (name, version) VALUES (?, " + version + ")")) {
      insert.setString(1, table);
      insert.executeUpdate();
    }
  }

  private void migrateOrCreate(Statement s, String table) throws SQLException {
    if (withoutRowid(table)) {
      s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_old");
      create(s, table);
      s.execute(
          "INSERT INTO "
              + table
              + " SELECT "
              + key
              + ", version, data FROM "
              + table
              + "_old WHERE version = "
              + version);
      s.execute("DROP TABLE " + table + "_old");
    } else {
      create(s, table);
      s.execute("DELETE FROM " + table + " WHERE version <> " + version);
    }
  }

  /**
   * A table with its rows in a rowid tree and its keys in an index. Rows of facts run to kilobytes:
   * kept in the key's own tree ({@code WITHOUT ROWID}, as earlier versions did), they made writes
   * twice as slow and the file twice as large.
   */
  private void create(Statement s, String table) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " ("
            + key
            + " TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY ("
            + key
            + ", version))");
  }

  /** Whether {@code table} exists in the form earlier versions created. */
  private boolean withoutRowid(String table) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      select.setString(1, table);
      try (ResultSet result = select.executeQuery()) {
        return result.next()
            && result.getString(1).toUpperCase(Locale.ROOT).contains("WITHOUT ROWID");
      }
    }
  }

  /** The stored rows of these keys in {@code table}, by key; keys without a row are left out. */
  public synchronized Map<String, byte[]> read(String table, Collection<String> keys) {
    requireTable(table);
    Map<String, byte[]> found = new HashMap<>();
    if (connection == null || keys.isEmpty()) {
      return found;
    }
    List<String> all = new ArrayList<>(keys);
    try {
      for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + key
                    + ", data FROM "
                    + table
                    + " WHERE version = ? AND "
                    + key
                    + " IN ("
                    + marks
                    + ")")) {
          select.setInt(1, version);
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 2, chunk.get(i));
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              found.put(result.getString(1), result.getBytes(2));
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      fail(e);
      return new HashMap<>();
    }
    return found;
  }

  /**
   * Stores {@code rows} by key in {@code table} in one transaction, replacing rows of the same
   * keys.
   */
  public synchronized void write(String table, Map<String, byte[]> rows) {
    requireTable(table);
    if (connection == null || rows.isEmpty()) {
      return;
    }
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO "
                  + table
                  + " ("
                  + key
                  + ", version, data) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, byte[]> row : rows.entrySet()) {
          insert.setString(1, row.getKey());
          insert.setInt(2, version);
          insert.setBytes(3, row.getValue());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      fail(e);
    }
  }

  /** Whether the file is open: no error has closed it, nor has {@link #close}. */
  public synchronized boolean isOpen() {
    return connection != null;
  }

  /** Why the file was closed, if an error closed it. */
  public synchronized Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * The one-line warning for a file an error closed: {@code "<cache> <file> cannot be used
   * (<problem>), so <consequence>; delete it, or set SCRUTINEER_CACHE to a writable directory"}.
   */
  public synchronized Optional<String> unusable(String cache, String consequence) {
    return problem()
        .map(
            p ->
                cache
                    + " "
                    + file
                    + " cannot be used ("
                    + p
                    + "), so "
                    + consequence
                    + "; delete it, or set SCRUTINEER_CACHE to a writable directory");
  }

  /** Closes the file after {@code e}, keeping the first problem. */
  public synchronized void fail(Exception e) {
    close();
    if (problem == null) {
      problem = String.valueOf(e.getMessage());
    }
  }

  private void requireTable(String table) {
    if (!tables.contains(table)) {
      throw new IllegalArgumentException("no table " + table + " was opened");
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a file that failed changes nothing for the run.
      }
      connection = null;
    }
  }
}
