package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.model.Diagnostic;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Linked bases kept as files, one per key ({@link LinkedBase#key}), in a directory of the cache:
 * the newest few, as each base is only worth keeping while changes are made on it. Like the facts
 * cache it never fails its caller: a graph that cannot be read or written is linked again, with a
 * diagnostic.
 */
public final class LinkedBaseCache {
  /** Graphs kept; each is tens of megabytes for a large repository. */
  static final int KEPT = 4;

  private static final String SUFFIX = ".graph";

  private final Optional<Path> directory;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private LinkedBaseCache(Optional<Path> directory) {
    this.directory = directory;
  }

  /** Graphs in {@code directory}, created when first stored. */
  public static LinkedBaseCache in(Path directory) {
    return new LinkedBaseCache(Optional.of(directory));
  }

  /** No cache: every base is linked again. */
  public static LinkedBaseCache none() {
    return new LinkedBaseCache(Optional.empty());
  }

  /** The stored graph of {@code key}; empty when there is none or it cannot be read. */
  public synchronized Optional<LinkedBase> load(String key) {
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    Path file = directory.get().resolve(key + SUFFIX);
    try {
      LinkedBase base = LinkedBase.decode(Files.readAllBytes(file));
      touch(file);
      return Optional.of(base);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      note(
          "the stored graph " + file + " could not be read (" + e.getMessage() + "); linked again");
      return Optional.empty();
    }
  }

  /**
   * The most recently used graph that these rules linked from facts of {@code factsVersion}, to
   * derive another from; graphs that cannot be read are passed over.
   */
  public synchronized Optional<LinkedBase> newest(int factsVersion) {
    if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
      return Optional.empty();
    }
    try {
      for (Path file : byAge(directory.get())) {
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
    if (directory.isEmpty()) {
      return;
    }
    Path dir = directory.get();
    String key = base.key();
    Path file = dir.resolve(key + SUFFIX);
    Path partial = null;
    try {
      Files.createDirectories(dir);
      partial = Files.createTempFile(dir, key, ".partial");
      Files.write(partial, base.encode());
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
      dropOldest(dir);
    } catch (IOException | RuntimeException e) {
      note("the linked graph could not be stored in " + dir + " (" + e.getMessage() + ")");
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // the temporary file is all that is left behind, and it is never read
        }
      }
    }
  }

  private static void dropOldest(Path dir) throws IOException {
    List<Path> graphs = byAge(dir);
    for (Path old : graphs.subList(Math.min(KEPT, graphs.size()), graphs.size())) {
      Files.deleteIfExists(old);
    }
  }

  /** The stored graphs, most recently used first. */
  private static List<Path> byAge(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
          .sorted(Comparator.comparing(LinkedBaseCache::modified).reversed())
          .toList();
    }
  }

  /** Marks a graph as used now, so the oldest used goes first; a read-only cache stays as it is. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // the graph was read; only the order in which graphs are dropped is affected
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0); // gone meanwhile: first to drop
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
