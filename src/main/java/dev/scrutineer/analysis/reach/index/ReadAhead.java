package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.analysis.reach.Tasks;
import dev.scrutineer.model.SourceTree;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;

/**
 * The facts of the Java files a change adds or edits, read on a thread of their own from the moment
 * the change is known: a change new to the cache has them parsed while its changed declarations are
 * found (a parse on another thread), where the head's index ({@link CodeIndex#withFiles}) would
 * parse them only after. Close it to wait for the thread, when nothing took what it read.
 */
public final class ReadAhead implements AutoCloseable {
  /** What was read: facts and blob ids by path, and how. */
  record Read(Map<String, FileFacts> facts, Map<String, String> blobIds, CodeIndex.Counts counts) {}

  private final SourceTree tree;
  private final List<String> paths;
  private final FutureTask<Read> reading;
  private final Thread thread;

  private ReadAhead(SourceTree tree, List<String> paths, FactsCache cache, int threads) {
    this.tree = tree;
    this.paths = paths;
    this.reading =
        new FutureTask<>(
            () -> {
              Map<String, FileFacts> facts = new TreeMap<>();
              Map<String, String> blobIds = new ConcurrentHashMap<>();
              CodeIndex.Counts counts =
                  CodeIndex.index(tree, paths, cache, threads, facts, blobIds);
              return new Read(facts, blobIds, counts);
            });
    this.thread = new Thread(reading, "scrutineer-read-ahead");
    thread.setDaemon(true);
  }

  /**
   * Starts reading the Java files among {@code changedOrAddedPaths} of {@code head}, from {@code
   * cache} or by parsing them, with {@code threads} threads.
   */
  public static ReadAhead start(
      SourceTree head, Collection<String> changedOrAddedPaths, FactsCache cache, int threads) {
    List<String> paths = CodeIndex.javaPaths(changedOrAddedPaths);
    if (paths.isEmpty()) {
      return none();
    }
    ReadAhead ahead = new ReadAhead(head, paths, cache, threads);
    ahead.thread.start();
    return ahead;
  }

  /** Nothing read: the index reads every file itself. */
  public static ReadAhead none() {
    return new ReadAhead(null, List.of(), FactsCache.none(), 1);
  }

  /** Whether this read exactly {@code paths} of {@code tree}. */
  boolean covers(SourceTree tree, List<String> paths) {
    return this.tree != null && this.tree == tree && this.paths.equals(paths);
  }

  /** What was read, once it is; a failure is thrown as it was met. */
  Read await() {
    return Tasks.await(reading, "reading a change's files");
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
