package dev.scrutineer.engine;

import dev.scrutineer.analysis.provenance.ProvenanceDetector;
import dev.scrutineer.analysis.surface.SurfaceAnalyzer;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.HistoryReader;
import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ScoredCommit;
import dev.scrutineer.risk.Backtester;
import dev.scrutineer.risk.DefaultModel;
import dev.scrutineer.risk.ModelStore;
import dev.scrutineer.risk.RiskModel;
import dev.scrutineer.risk.Sample;
import dev.scrutineer.risk.Signals;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The commands over a repository's whole history: the backtest and the scoring of past commits. */
final class HistoryRuns {
  private HistoryRuns() {}

  /**
   * Fits the risk model on the older part of the repository's history and judges it, beside two
   * size baselines, on the newer part; saves the fit where {@code analyze} finds it.
   */
  static Backtest backtest(BacktestRequest request, Progress progress) {
    requireFullHistory(request.repository());
    Path cache = CacheDirectory.resolve(request.cacheDirectory(), System.getenv());
    try (PastChanges past = PastChanges.mine(request.repository(), cache, progress)) {
      List<Sample> samples = past.samples(request.since(), progress);
      if (samples.isEmpty()) {
        throw new InputException(
            "no commits to backtest in "
                + request.repository()
                + request.since().map(s -> " since " + s).orElse("")
                + "; choose an earlier --since");
      }
      Instant split =
          request.splitAt().orElseGet(() -> Backtester.splitAt(samples, request.splitFraction()));
      Backtester.Outcome outcome =
          Backtester.run(
              request.repository().toString(), samples, past.labels(progress), past.fixes(), split);
      if (!request.save()) {
        return outcome.report();
      }
      Path file =
          request.modelFile().orElseGet(() -> ModelStore.defaultPath(cache, past.rootCommitId()));
      ModelStore.save(outcome.model(), file);
      return outcome.report().withSavedTo(file.toString());
    }
  }

  /**
   * Refuses a shallow clone: SZZ could not tell who wrote the lines older than the cut, so the
   * labels, and every figure judged against them, would be quietly wrong.
   */
  private static void requireFullHistory(Path repository) {
    try (HistoryReader reader = HistoryReader.open(repository)) {
      if (reader.isShallow()) {
        throw new InputException(
            repository
                + " is a shallow clone, so a backtest cannot see who wrote lines older than the"
                + " cut; fetch the full history (git fetch --unshallow, or fetch-depth: 0 with"
                + " actions/checkout)");
      }
    }
  }

  /**
   * Scores commits, each against its first parent, from history before it: history signals, the
   * surfaces it touches and its provenance. Reach is left out: it needs the code index of every
   * commit's parent.
   */
  static List<ScoredCommit> score(ScoreRequest request, Progress progress) {
    Path cache = CacheDirectory.resolve(request.cacheDirectory(), System.getenv());
    try (PastChanges past = PastChanges.mine(request.repository(), cache, progress)) {
      RiskModel model =
          request
              .model()
              .map(ModelStore::require)
              .or(() -> ModelStore.load(ModelStore.defaultPath(cache, past.rootCommitId())))
              .orElseGet(DefaultModel::get);
      List<String> ids = request.revisions().stream().map(past::resolve).toList();
      List<ScoredCommit> scored = new ArrayList<>();
      for (String id : ids) {
        progress.update("scoring", scored.size(), ids.size());
        scored.add(new ScoredCommit(id, model.score(commitSignals(request, past, id))));
      }
      progress.update("scoring", ids.size(), ids.size());
      return scored;
    }
  }

  /** A commit's history signals, and the surfaces and provenance of its diff to its parent. */
  private static List<Feature> commitSignals(ScoreRequest request, PastChanges past, String id) {
    List<Feature> history = past.signals(id);
    if (past.isRoot(id)) {
      return history;
    }
    ChangeQuery query =
        new ChangeQuery(request.repository(), Optional.of(id + "^"), Optional.of(id), false);
    try (ChangeSession session = past.openChange(query)) {
      ChangeSet change = session.change();
      List<Diagnostic> ignored = new ArrayList<>();
      ScrutineerConfig config =
          Scrutineer.config(AnalysisRequest.of(query), change, session.base(), ignored);
      List<Finding> findings = new SurfaceAnalyzer(config).analyze(change);
      Provenance provenance = new ProvenanceDetector().detect(change, Optional.empty());
      return Signals.of(
          change, List.of(), Optional.empty(), findings, provenance, Optional.of(history));
    }
  }
}
