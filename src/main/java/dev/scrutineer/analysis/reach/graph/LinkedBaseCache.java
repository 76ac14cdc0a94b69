package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.KeyedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private final Optional<KeyedFiles> files;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private LinkedBaseCache(Optional<KeyedFiles> files) {
    this.files = files;
  }

  /** Graphs in {@code directory}, created when first stored. */
  public static LinkedBaseCache in(Path directory) {
    return new LinkedBaseCache(Optional.of(new KeyedFiles(directory, ".graph", KEPT)));
  }

  /** No cache: every base is linked again. */
  public static LinkedBaseCache none() {
    return new LinkedBaseCache(Optional.empty());
  }

  /** The stored graph of {@code key}; empty when there is none or it cannot be read. */
  public synchronized Optional<LinkedBase> load(String key) {
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = files.get().read(key);
      return bytes.isEmpty() ? Optional.empty() : Optional.of(LinkedBase.decode(bytes.get()));
    } catch (IOException e) {
      note(
          "the stored graph "
              + key
              + " in "
              + files.get().directory()
              + " could not be read ("
              + e.getMessage()
              + "); linked again");
      return Optional.empty();
    }
  }

  /**
   * The most recently used graph that these rules linked from facts of {@code factsVersion}, to
   * derive another from; graphs that cannot be read are passed over.
   */
  public synchronized Optional<LinkedBase> newest(int factsVersion) {
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (Path file : files.get().newestFirst()) {
        try {
          LinkedBase base = LinkedBase.decode(Files.readAllBytes(file));
          if (base.factsVersion() == factsVersion) {
            return Optional.of(base);
          }
        } catch (IOException e) {
          // another version's graph, or one being replaced: not one to start from
        }
      }
    } catch (IOException e) {
      // an unreadable directory: store() says so
    }
    return Optional.empty();
  }

  /** Stores {@code base} under its key, whole or not at all, and drops the oldest graphs. */
  public synchronized void store(LinkedBase base) {
    if (files.isEmpty()) {
      return;
    }
    try {
      files.get().write(base.key(), base.encode());
    } catch (IOException | RuntimeException e) {
      note(
          "the linked graph could not be stored in "
              + files.get().directory()
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public synchronized List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  private void note(String message) {
    if (diagnostics.isEmpty()) {
      diagnostics.add(Diagnostic.warning(message));
    }
  }
}
