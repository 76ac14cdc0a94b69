package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.CacheFiles;
import dev.scrutineer.store.KeyedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Linked bases kept as files, one per key ({@link LinkedBase#key}), in a directory of the cache:
 * the newest few, as each base is only worth keeping while changes are made on it. Like the facts
 * cache it never fails its caller: a graph that cannot be read or written is linked again, with a
 * diagnostic.
 */
public final class LinkedBaseCache {
  /** Graphs kept; each is tens of megabytes for a large repository. */
  static final int KEPT = 4;

  private final CacheFiles files;

  private LinkedBaseCache(CacheFiles files) {
    this.files = files;
  }

  /** Graphs in {@code directory}, created when first stored. */
  public static LinkedBaseCache in(Path directory) {
    return new LinkedBaseCache(
        CacheFiles.in(directory, ".graph", KEPT, "the stored graph", "linked again"));
  }

  /** No cache: every base is linked again. */
  public static LinkedBaseCache none() {
    return new LinkedBaseCache(CacheFiles.none());
  }

  /** The stored graph of {@code key}; empty when there is none or it cannot be read. */
  public Optional<LinkedBase> load(String key) {
    return files.read(key, LinkedBase::decode);
  }

  /**
   * The most recently used graph that these rules linked from facts of {@code factsVersion}, to
   * derive another from; graphs that cannot be read are passed over.
   */
  public Optional<LinkedBase> newest(int factsVersion) {
    for (Path file : files.newestFirst()) {
      try {
        LinkedBase base = LinkedBase.decode(KeyedFiles.map(file));
        if (base.factsVersion() == factsVersion) {
          return Optional.of(base);
        }
      } catch (IOException e) {
        // another version's graph, or one being replaced: not one to start from
      }
    }
    return Optional.empty();
  }

  /** Stores {@code base} under its key, whole or not at all, and drops the oldest graphs. */
  public void store(LinkedBase base) {
    files.write(base.key(), base::encode);
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public List<Diagnostic> diagnostics() {
    return files.failure().map(Diagnostic::warning).stream().toList();
  }
}
