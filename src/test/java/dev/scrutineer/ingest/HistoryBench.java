package dev.scrutineer.ingest;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Measures history mining for {@code bench/history.sh}: {@code HistoryBench REPO REV CACHE_DIR}
 * mines every commit reachable from REV with the history cache in CACHE_DIR and prints one line:
 * commits, files, lines and the seconds from opening the repository to the last commit, inside the
 * JVM.
 */
public final class HistoryBench {
  private HistoryBench() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.out.println("usage: HistoryBench REPO REVISION CACHE_DIR");
      System.exit(2);
    }
    long start = System.nanoTime();
    List<HistoryCommit> commits;
    try (HistoryReader reader = HistoryReader.open(Path.of(args[0]));
        HistoryCache cache = HistoryCache.open(Optional.of(Path.of(args[2])))) {
      commits = reader.read(args[1], cache, (task, done, total) -> {});
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long files = 0;
    long added = 0;
    long deleted = 0;
    for (HistoryCommit commit : commits) {
      for (FileDelta file : commit.files()) {
        files++;
        added += file.added();
        deleted += file.deleted();
      }
    }
    System.out.printf(
        "%.3f s  commits %d  file changes %d  +%d -%d%n",
        seconds, commits.size(), files, added, deleted);
  }
}
