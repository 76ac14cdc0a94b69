package dev.scrutineer.engine;

import dev.scrutineer.analysis.history.History;
import dev.scrutineer.analysis.history.HistoryFeatures;
import dev.scrutineer.analysis.history.Szz;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.ingest.HistoryCache;
import dev.scrutineer.ingest.HistoryReader;
import dev.scrutineer.model.BugInducing;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import dev.scrutineer.risk.Label;
import dev.scrutineer.risk.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A repository's mined history, as backtest and score need it: one sample per commit with the
 * features only the commits before it give, and the SZZ labels of every fix.
 */
final class PastChanges implements AutoCloseable {
  private static final String HEAD = "HEAD";
  private static final String FEATURES = "computing features";

  private final HistoryReader reader;
  private final HistoryCache cache;
  private final List<HistoryCommit> mined;
  private final History history;

  private PastChanges(
      HistoryReader reader, HistoryCache cache, List<HistoryCommit> mined, History history) {
    this.reader = reader;
    this.cache = cache;
    this.mined = mined;
    this.history = history;
  }

  static PastChanges mine(Path repository, Path cacheDirectory, Progress progress) {
    HistoryReader reader = HistoryReader.open(repository);
    HistoryCache cache = HistoryCache.open(Optional.of(cacheDirectory));
    try {
      List<HistoryCommit> commits = reader.read(HEAD, cache, progress);
      if (commits.isEmpty()) {
        throw new InputException(repository + " has no commits; there is nothing to score");
      }
      return new PastChanges(reader, cache, commits, History.of(commits, reader.mailmap(HEAD)));
    } catch (RuntimeException e) {
      cache.close();
      reader.close();
      throw e;
    }
  }

  /** The first root commit, which names the repository in every clone. */
  String rootCommitId() {
    HistoryCommit commit = history.commits().get(history.size() - 1);
    while (!commit.parents().isEmpty()) {
      commit = history.find(commit.parents().get(0)).orElseThrow();
    }
    return commit.id();
  }

  /**
   * Every non-merge commit from {@code since} on, oldest first, with its history features. The
   * mined history is read-only, so commits are computed in parallel; the order stays the same.
   */
  List<Sample> samples(Optional<Instant> since, Progress progress) {
    List<HistoryCommit> scored =
        history.commits().stream()
            .filter(c -> !c.isMerge())
            .filter(c -> since.map(s -> !c.commitTime().isBefore(s)).orElse(true))
            .toList();
    AtomicInteger done = new AtomicInteger();
    progress.update(FEATURES, 0, scored.size());
    List<Sample> samples =
        IntStream.range(0, scored.size())
            .parallel()
            .mapToObj(
                i -> {
                  HistoryCommit commit = scored.get(i);
                  Map<String, Double> values = new HashMap<>();
                  for (Feature feature : HistoryFeatures.of(history, commit.id()).features()) {
                    values.put(feature.id(), feature.value());
                  }
                  progress.update(FEATURES, done.incrementAndGet(), scored.size());
                  return new Sample(commit.id(), commit.commitTime(), values);
                })
            .toList();
    progress.update(FEATURES, scored.size(), scored.size());
    return samples;
  }

  /** Bug-inducing commits from every fix; the backtest decides which fixes a period may see. */
  List<Label> labels(Progress progress) {
    List<BugInducing> found =
        Szz.label(history, reader.blamer(mined, cache), Optional.empty(), progress);
    return found.stream().map(b -> new Label(b.inducingId(), b.fixTime())).toList();
  }

  int fixes() {
    return (int) history.commits().stream().filter(c -> history.isFix(c.id())).count();
  }

  /** The full id of a revision in the mined history; unknown ones are an input error. */
  String resolve(String revision) {
    Optional<HistoryCommit> exact = history.find(revision);
    if (exact.isPresent()) {
      return exact.get().id();
    }
    List<HistoryCommit> prefixed =
        revision.matches("[0-9a-fA-F]{4,39}")
            ? history.commits().stream()
                .filter(c -> c.id().startsWith(revision.toLowerCase(java.util.Locale.ROOT)))
                .limit(2)
                .toList()
            : List.of();
    if (prefixed.size() == 1) {
      return prefixed.get(0).id();
    }
    throw new InputException(
        "unknown commit "
            + revision
            + (prefixed.size() > 1 ? " (ambiguous prefix)" : "")
            + ": not in the history of HEAD; pass full commit ids, one a line");
  }

  boolean isRoot(String id) {
    return history.find(id).orElseThrow().parents().isEmpty();
  }

  /** A change of this repository, read on the repository already open. */
  ChangeSession openChange(ChangeQuery query) {
    return GitChangeReader.open(query, reader);
  }

  /** The history signals of a mined commit, from the commits before it only. */
  List<Feature> signals(String id) {
    return HistoryFeatures.of(history, id).features();
  }

  @Override
  public void close() {
    cache.close();
    reader.close();
  }
}
