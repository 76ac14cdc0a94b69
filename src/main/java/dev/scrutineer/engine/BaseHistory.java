package dev.scrutineer.engine;

import dev.scrutineer.analysis.history.History;
import dev.scrutineer.analysis.reach.Tasks;
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
import java.util.concurrent.FutureTask;

/**
 * The mined history up to a change's merge-base, read beside the change's reach: the two are
 * independent until the risk score. It is read on whichever thread asks first: the reach engine's
 * side thread once the framework rules are done ({@link #load}), the one stretch of a warm run that
 * leaves a processor free (reading it earlier took processor time from reading the change and the
 * index), else the thread that needs it ({@link #await}).
 */
final class BaseHistory implements AutoCloseable {
  private final HistoryReader reader;
  private final FutureTask<Loaded> loading;

  private record Loaded(Optional<History> history, List<Diagnostic> diagnostics) {}

  private BaseHistory(HistoryReader reader, String mergeBase, Path cacheDirectory) {
    this.reader = reader;
    this.loading = new FutureTask<>(() -> read(reader, mergeBase, cacheDirectory));
  }

  /** Ready to read; the repository is shared with {@code session} before this returns. */
  static BaseHistory of(ChangeSession session, Path cacheDirectory) {
    return new BaseHistory(
        HistoryReader.sharing(session), session.change().mergeBase().id(), cacheDirectory);
  }

  /** Reads it on this thread, unless another has read it or is reading it. */
  void load() {
    loading.run();
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

  /** The history, read; what went wrong reading it is added to {@code diagnostics}. */
  Optional<History> await(List<Diagnostic> diagnostics) {
    loading.run(); // unless it ran already
    Loaded loaded = Tasks.await(loading, "reading history");
    diagnostics.addAll(loaded.diagnostics());
    return loaded.history();
  }

  /** Gives the repository back if the history was never read (the analysis failed first). */
  @Override
  public void close() {
    if (loading.cancel(false)) {
      reader.close();
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
