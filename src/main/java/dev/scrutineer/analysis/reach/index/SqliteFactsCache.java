package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.SqliteRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts in the {@code facts} table of an embedded SQLite file, keyed by (blob id, extractor
 * version), values in {@link FactsCodec}'s form. Any SQLite error switches the cache off for the
 * rest of the run, with one diagnostic, and the index goes on without it.
 */
final class SqliteFactsCache implements FactsCache {
  private static final String TABLE = "facts";

  private final SqliteRows rows;

  private SqliteFactsCache(SqliteRows rows) {
    this.rows = rows;
  }

  /** The cache in {@code file}; no cache, with a diagnostic, when it cannot be opened. */
  static FactsCache open(Path file, int version) {
    return new SqliteFactsCache(SqliteRows.open(file, version, "blob", TABLE));
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
    for (Map.Entry<String, byte[]> row : rows.read(TABLE, pathsByBlob.keySet()).entrySet()) {
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

  @Override
  public void store(Map<String, FileFacts> factsByBlobId) {
    Map<String, byte[]> encoded = new HashMap<>();
    try {
      factsByBlobId.forEach((blob, facts) -> encoded.put(blob, FactsCodec.encode(facts)));
    } catch (RuntimeException e) {
      rows.fail(e);
      return;
    }
    rows.write(TABLE, encoded);
  }

  @Override
  public List<Diagnostic> diagnostics() {
    return rows.unusable("the facts cache", "every file was parsed").stream()
        .map(Diagnostic::warning)
        .toList();
  }

  @Override
  public void close() {
    rows.close();
  }
}
