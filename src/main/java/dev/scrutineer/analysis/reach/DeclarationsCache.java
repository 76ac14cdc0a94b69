package dev.scrutineer.analysis.reach;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.SqliteRows;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of files by content: the key is a file's git blob id, so comparing a change's
 * files again (the same change analysed, gated and drilled; a pipeline run again) parses nothing.
 * Kept in the {@code declarations} table of the facts cache's SQLite file, by {@link
 * DeclarationExtractor#VERSION}. A cache never fails its caller: one that cannot be used finds
 * nothing and keeps nothing, with one diagnostic.
 */
public final class DeclarationsCache implements AutoCloseable {
  private static final String TABLE = "declarations";

  private final SqliteRows rows;

  private DeclarationsCache(SqliteRows rows) {
    this.rows = rows;
  }

  /** The cache in the SQLite file {@code file}, created when missing. */
  public static DeclarationsCache open(Path file) {
    return open(file, DeclarationExtractor.VERSION);
  }

  static DeclarationsCache open(Path file, int version) {
    return new DeclarationsCache(SqliteRows.open(file, version, "blob", TABLE));
  }

  /** The cached declarations of each blob id given, by blob id; blobs not cached are left out. */
  Map<String, List<Declaration>> load(Collection<String> blobIds) {
    Map<String, List<Declaration>> found = new HashMap<>();
    rows.read(TABLE, blobIds)
        .forEach(
            (blob, bytes) -> {
              try {
                found.put(blob, DeclarationCodec.decode(bytes));
              } catch (IllegalArgumentException e) {
                // A damaged row is a miss: the file is parsed again and the row replaced.
              }
            });
    return found;
  }

  /** Stores declarations by blob id. */
  void store(Map<String, List<Declaration>> declarationsByBlobId) {
    Map<String, byte[]> encoded = new HashMap<>();
    declarationsByBlobId.forEach(
        (blob, declarations) -> encoded.put(blob, DeclarationCodec.encode(declarations)));
    rows.write(TABLE, encoded);
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public List<Diagnostic> diagnostics() {
    return rows.unusable("the declarations cache in", "changed files were parsed").stream()
        .map(Diagnostic::warning)
        .toList();
  }

  @Override
  public void close() {
    rows.close();
  }
}
