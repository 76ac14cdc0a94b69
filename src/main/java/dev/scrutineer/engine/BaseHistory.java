package dev.scrutineer.engine;

import dev.scrutineer.analysis.history.History;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.HistoryCache;
import dev.scrutineer.ingest.HistoryReader;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The mined history up to a change's merge-base, loaded on a thread of its own while the change's
 * reach is worked out: the two are independent until the risk score, and reading a large history
 * from the cache takes about a second that would otherwise come after the reach engine's.
 */
final class BaseHistory {
  private final CompletableFuture<Loaded> loading = new CompletableFuture<>();

  private record Loaded(Optional<History> history, List<Diagnostic> diagnostics) {}

  private BaseHistory() {}

  /** Starts reading; the repository is shared with {@code session} before this returns. */
  static BaseHistory start(ChangeSession session, Path cacheDirectory) {
    BaseHistory base = new BaseHistory();
    HistoryReader reader = HistoryReader.sharing(session);
    String mergeBase = session.change().mergeBase().id();
    Thread thread =
        new Thread(
            () -> {
              try {
                base.loading.complete(read(reader, mergeBase, cacheDirectory));
              } catch (RuntimeException | Error e) {
                base.loading.completeExceptionally(e);
              }
            },
            "scrutineer-history");
    thread.setDaemon(true);
    thread.start();
    return base;
  }

  private static Loaded read(HistoryReader reader, String mergeBase, Path cacheDirectory) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    try (reader;
        HistoryCache cache = HistoryCache.open(Optional.of(cacheDirectory))) {
      History history =
          History.forOneChange(
              reader.read(mergeBase, cache, Progress.NONE), reader.mailmap(mergeBase));
      diagnostics.addAll(cache.diagnostics());
      return new Loaded(Optional.of(history), diagnostics);
    } catch (InputException | UncheckedIOException e) {
      diagnostics.add(unreadable(e));
      return new Loaded(Optional.empty(), diagnostics);
    }
  }

  /** The history, once read; what went wrong reading it is added to {@code diagnostics}. */
  Optional<History> await(List<Diagnostic> diagnostics) {
    try {
      Loaded loaded = loading.join();
      diagnostics.addAll(loaded.diagnostics());
      return loaded.history();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  static Diagnostic unreadable(RuntimeException e) {
    return Diagnostic.warning(
        "history could not be read ("
            + e.getMessage()
            + "), so the risk score has no history factors; the change's own size stands in for"
            + " them");
  }
}
