package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.SqliteLibrary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File facts by content: the key is a file's git blob id and the extractor's {@link
 * FactsExtractor#VERSION}, so facts are reused by every run and every change on the same content,
 * and a new extractor version never sees facts an older one wrote. A cache never fails its caller:
 * one that cannot be used degrades to no cache, with a diagnostic.
 *
 * <p>Implementations are safe to use from several threads.
 */
public interface FactsCache extends AutoCloseable {
  /**
   * The cached facts of each {@code path → blob id} given, by path; files not cached are left out.
   */
  Map<String, FileFacts> load(Map<String, String> blobIdsByPath);

  /** Stores facts by blob id; the paths inside are not kept (facts are reloaded at any path). */
  void store(Map<String, FileFacts> factsByBlobId);

  /** What went wrong with the cache, at most one entry; empty while it works. */
  List<Diagnostic> diagnostics();

  @Override
  void close();

  /**
   * Loads what opening a cache first needs (SQLite's native library, from its copy in {@code
   * cacheDirectory}), for a caller that can do it while it waits for something else.
   */
  static void prepare(Path cacheDirectory) {
    SqliteLibrary.load(cacheDirectory);
  }

  /** The SQLite cache in {@code file}, created when missing. */
  static FactsCache open(Path file) {
    return SqliteFactsCache.open(file, FactsExtractor.VERSION);
  }

  /** A cache in memory, for tests and one-off runs; stored facts go through the codec. */
  static FactsCache inMemory() {
    return new FactsCache() {
      private final Map<String, byte[]> entries = new ConcurrentHashMap<>();

      @Override
      public Map<String, FileFacts> load(Map<String, String> blobIdsByPath) {
        Map<String, FileFacts> found = new HashMap<>();
        blobIdsByPath.forEach(
            (path, blob) ->
                Optional.ofNullable(entries.get(blob))
                    .ifPresent(bytes -> found.put(path, FactsCodec.decode(path, bytes))));
        return found;
      }

      @Override
      public void store(Map<String, FileFacts> factsByBlobId) {
        factsByBlobId.forEach((blob, facts) -> entries.put(blob, FactsCodec.encode(facts)));
      }

      @Override
      public List<Diagnostic> diagnostics() {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }

  /** No cache at all: every file is extracted. */
  static FactsCache none() {
    return new FactsCache() {
      @Override
      public Map<String, FileFacts> load(Map<String, String> blobIdsByPath) {
        return Map.of();
      }

      @Override
      public void store(Map<String, FileFacts> factsByBlobId) {}

      @Override
      public List<Diagnostic> diagnostics() {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }
}
