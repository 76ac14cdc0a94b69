package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.Diagnostic;
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
import java.util.Map;

/**
 * Facts in an embedded SQLite file: one table keyed by (blob id, extractor version), values in
 * {@link FactsCodec}'s form. Write-ahead logging and a busy timeout let two processes share the
 * file; rows of other extractor versions are deleted when a cache opens. Any SQLite error switches
 * the cache off for the rest of the run, with one diagnostic, and the index goes on without it.
 */
final class SqliteFactsCache implements FactsCache {
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /** Blob ids looked up per statement, well under SQLite's limit on parameters. */
  private static final int LOOKUP_CHUNK = 500;

  private final Path file;
  private final int version;
  private Connection connection;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private SqliteFactsCache(Path file, int version, Connection connection) {
    this.file = file;
    this.version = version;
    this.connection = connection;
  }

  /** The cache in {@code file}; no cache, with a diagnostic, when it cannot be opened. */
  static FactsCache open(Path file, int version) {
    SqliteFactsCache cache = new SqliteFactsCache(file, version, null);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      cache.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = cache.connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS facts (blob TEXT NOT NULL, version INTEGER NOT NULL,"
                + " data BLOB NOT NULL, PRIMARY KEY (blob, version)) WITHOUT ROWID");
      }
      try (PreparedStatement delete =
          cache.connection.prepareStatement("DELETE FROM facts WHERE version <> ?")) {
        delete.setInt(1, version);
        delete.executeUpdate();
      }
    } catch (SQLException | IOException | RuntimeException e) {
      cache.disable(e);
    }
    return cache;
  }

  /**
   * Only the reads hold the lock: decoding, most of a warm index's time, runs on every indexing
   * thread at once.
   */
  @Override
  public Map<String, FileFacts> load(Map<String, String> blobIdsByPath) {
    Map<String, FileFacts> found = new HashMap<>();
    Map<String, List<String>> pathsByBlob = new HashMap<>();
    blobIdsByPath.forEach(
        (path, blob) -> pathsByBlob.computeIfAbsent(blob, b -> new ArrayList<>()).add(path));
    for (Map.Entry<String, byte[]> row : rows(pathsByBlob.keySet()).entrySet()) {
      for (String path : pathsByBlob.get(row.getKey())) {
        try {
          found.put(path, FactsCodec.decode(path, row.getValue()));
        } catch (IllegalArgumentException e) {
          // A damaged row is a miss: the file is extracted again and the row replaced.
        }
      }
    }
    return found;
  }

  /** The stored rows of these blobs, by blob id. */
  private synchronized Map<String, byte[]> rows(Collection<String> blobIds) {
    Map<String, byte[]> rows = new HashMap<>();
    if (connection == null || blobIds.isEmpty()) {
      return rows;
    }
    List<String> blobs = new ArrayList<>(blobIds);
    try {
      for (int from = 0; from < blobs.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = blobs.subList(from, Math.min(blobs.size(), from + LOOKUP_CHUNK));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT blob, data FROM facts WHERE version = ? AND blob IN (" + marks + ")")) {
          select.setInt(1, version);
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 2, chunk.get(i));
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              rows.put(result.getString(1), result.getBytes(2));
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      disable(e);
      return new HashMap<>();
    }
    return rows;
  }

  @Override
  public void store(Map<String, FileFacts> factsByBlobId) {
    Map<String, byte[]> encoded = new HashMap<>();
    try {
      factsByBlobId.forEach((blob, facts) -> encoded.put(blob, FactsCodec.encode(facts)));
    } catch (RuntimeException e) {
      disable(e);
      return;
    }
    write(encoded);
  }

  private synchronized void write(Map<String, byte[]> rowsByBlobId) {
    if (connection == null || rowsByBlobId.isEmpty()) {
      return;
    }
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO facts (blob, version, data) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, byte[]> entry : rowsByBlobId.entrySet()) {
          insert.setString(1, entry.getKey());
          insert.setInt(2, version);
          insert.setBytes(3, entry.getValue());
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
  public synchronized List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
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

  private synchronized void disable(Exception e) {
    close();
    if (diagnostics.isEmpty()) {
      diagnostics.add(
          Diagnostic.warning(
              "the facts cache "
                  + file
                  + " cannot be used ("
                  + e.getMessage()
                  + "), so every file was parsed; delete it, or set SCRUTINEER_CACHE to a"
                  + " writable directory"));
    }
  }
}
