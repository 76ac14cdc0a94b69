package dev.scrutineer.engine;

import dev.scrutineer.analysis.history.History;
import dev.scrutineer.analysis.history.HistoryFeatures;
import dev.scrutineer.analysis.ownership.CodeOwners;
import dev.scrutineer.analysis.reach.ChangedDeclarations;
import dev.scrutineer.analysis.reach.DeclarationsCache;
import dev.scrutineer.analysis.reach.ReachAnalyzer;
import dev.scrutineer.analysis.reach.framework.FrameworksCache;
import dev.scrutineer.analysis.reach.graph.LinkedBaseCache;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.reach.index.FactsPacks;
import dev.scrutineer.analysis.reach.index.ReadAhead;
import dev.scrutineer.config.ConfigLoader;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.config.Teams;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.ingest.PullRequestReader;
import dev.scrutineer.ingest.ReviewsReader;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.GateResult;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.RequiredScrutiny;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.ScoredCommit;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.policy.Gate;
import dev.scrutineer.policy.ReviewContext;
import dev.scrutineer.policy.ScrutinyPolicy;
import dev.scrutineer.risk.DefaultModel;
import dev.scrutineer.risk.ModelStore;
import dev.scrutineer.risk.RiskModel;
import dev.scrutineer.risk.Signals;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The façade every front end calls: one change in, one analysis out. */
public final class Scrutineer {
  /** The configuration file, looked for at the root of the base revision's tree. */
  public static final String CONFIG_FILE = "scrutineer.yml";

  private static final long MAX_CONFIG_BYTES = 1024 * 1024;

  /** Per-file facts and declarations, in the cache directory. */
  private static final String FACTS_FILE = "facts.db";

  public Analysis analyze(AnalysisRequest request) {
    Warmup.start(CacheDirectory.resolve(request.cacheDirectory(), System.getenv()));
    // The session keeps the repository open while the analyses read files from either side.
    try (ChangeSession session = GitChangeReader.open(request.change())) {
      List<Diagnostic> diagnostics = new ArrayList<>(session.change().diagnostics());
      ScrutineerConfig config = config(request, session.change(), session.base(), diagnostics);
      return analyze(request, session, config, diagnostics);
    }
  }

  /** Audits how merged changes were reviewed. */
  public AuditReport audit(AuditRequest request) {
    return new AuditRun(this).run(request);
  }

  /** A failure drill for one change. */
  public Drill tabletop(TabletopRequest request) {
    return new TabletopRun(this).run(request);
  }

  /**
   * The scrutiny a change needs, held against its pull request's reviews. Code owners and the
   * policy come from the merge-base, like the rest of the configuration.
   */
  public Gated gate(GateRequest request) {
    AnalysisRequest analysisRequest = request.analysis();
    Warmup.start(CacheDirectory.resolve(analysisRequest.cacheDirectory(), System.getenv()));
    List<Review> reviews = request.reviews().map(ReviewsReader::read).orElse(List.of());
    Teams teams = request.teams().map(Teams::load).orElse(Teams.NONE);
    List<String> assignees =
        analysisRequest.pullRequestJson().map(PullRequestReader::assignees).orElse(List.of());
    try (ChangeSession session = GitChangeReader.open(analysisRequest.change())) {
      List<Diagnostic> diagnostics = new ArrayList<>(session.change().diagnostics());
      ScrutineerConfig config =
          config(analysisRequest, session.change(), session.base(), diagnostics);
      Analysis analysis = analyze(analysisRequest, session, config, diagnostics);
      RequiredScrutiny required =
          new ScrutinyPolicy(config.policy())
              .require(
                  analysis,
                  Optional.of(analysis.risk()),
                  request
                      .codeOwners()
                      .map(CodeOwners::read)
                      .orElseGet(() -> CodeOwners.of(session.base())));
      GateResult result =
          Gate.evaluate(
              required,
              analysis,
              new ReviewContext(reviews, teams, assignees, request.drillAcknowledged()));
      return new Gated(analysis, result);
    }
  }

  private static Analysis analyze(
      AnalysisRequest request,
      ChangeSession session,
      ScrutineerConfig config,
      List<Diagnostic> diagnostics) {
    Path cache = CacheDirectory.resolve(request.cacheDirectory(), System.getenv());
    Optional<BaseHistory> baseHistory =
        session.isShallow() ? Optional.empty() : Optional.of(BaseHistory.of(session, cache));
    try {
      return analyze(request, session, config, diagnostics, cache, baseHistory);
    } finally {
      baseHistory.ifPresent(BaseHistory::close);
    }
  }

  private static Analysis analyze(
      AnalysisRequest request,
      ChangeSession session,
      ScrutineerConfig config,
      List<Diagnostic> diagnostics,
      Path cache,
      Optional<BaseHistory> baseHistory) {
    ChangeSet change = session.change();
    Optional<PullRequest> pullRequest = request.pullRequestJson().map(PullRequestReader::read);
    try (ChangeSignals signals = ChangeSignals.start(config, change, pullRequest)) {
      return analyze(request, session, diagnostics, cache, baseHistory, pullRequest, signals);
    }
  }

  private static Analysis analyze(
      AnalysisRequest request,
      ChangeSession session,
      List<Diagnostic> diagnostics,
      Path cache,
      Optional<BaseHistory> baseHistory,
      Optional<PullRequest> pullRequest,
      ChangeSignals signals) {
    ChangeSet change = session.change();
    ChangedDeclarations.Result declarations;
    Optional<Reach> reach;
    try (FactsCache facts = FactsCache.open(cache.resolve(FACTS_FILE))) {
      ReachAnalyzer analyzer =
          new ReachAnalyzer(
              facts,
              FactsPacks.in(cache.resolve("packs")),
              LinkedBaseCache.in(cache.resolve("graphs")),
              FrameworksCache.in(cache.resolve("frameworks")));
      // The change's files are read for the index while its changed declarations are found.
      try (ReadAhead ahead = analyzer.readAhead(change, session.head())) {
        try (DeclarationsCache known = DeclarationsCache.open(cache.resolve(FACTS_FILE))) {
          declarations =
              new ChangedDeclarations(known).find(change, session.base(), session.head());
          diagnostics.addAll(known.diagnostics());
        }
        diagnostics.addAll(declarations.diagnostics());
        reach =
            reach(
                request,
                session,
                analyzer,
                ahead,
                declarations.declarations(),
                () -> baseHistory.ifPresent(BaseHistory::load),
                diagnostics);
      }
    }
    ChangeSignals.Found found = signals.await();
    List<Finding> findings = found.findings();
    Provenance provenance = found.provenance();
    RiskModel model = riskModel(request, session, diagnostics);
    Optional<List<Feature>> history =
        baseHistory.isEmpty()
            ? shallow(diagnostics)
            : history(baseHistory.get().await(diagnostics), change, reach, diagnostics);
    Risk risk =
        model.score(
            Signals.of(change, declarations.declarations(), reach, findings, provenance, history));
    return new Analysis(
        change,
        pullRequest,
        declarations.declarations(),
        reach,
        findings,
        provenance,
        risk,
        diagnostics);
  }

  /**
   * Fits the risk model on the older part of the repository's history and judges it, beside two
   * size baselines, on the newer part; saves the fit where {@code analyze} finds it.
   */
  public Backtest backtest(BacktestRequest request, Progress progress) {
    return HistoryRuns.backtest(request, progress);
  }

  /**
   * Scores commits, each against its first parent, from history before it: history signals, the
   * surfaces it touches and its provenance.
   */
  public List<ScoredCommit> score(ScoreRequest request, Progress progress) {
    return HistoryRuns.score(request, progress);
  }

  /**
   * The blast radius, when there is somewhere to start: changed declarations, or changed
   * application configuration whose keys code reads.
   *
   * @param beside work for another thread, which the reach engine runs beside its linking
   */
  private static Optional<Reach> reach(
      AnalysisRequest request,
      ChangeSession session,
      ReachAnalyzer analyzer,
      ReadAhead ahead,
      List<ChangedDeclaration> changed,
      Runnable beside,
      List<Diagnostic> diagnostics) {
    boolean configChanged =
        session.change().files().stream().map(FileChange::path).anyMatch(Scrutineer::isAppConfig);
    if (changed.isEmpty() && !configChanged && request.why().isEmpty()) {
      return Optional.empty();
    }
    ReachAnalyzer.Result result =
        analyzer.analyze(
            session.change(),
            session.base(),
            session.head(),
            changed,
            request.why(),
            request.eachDeclaration(),
            beside,
            ahead);
    diagnostics.addAll(result.diagnostics());
    return Optional.of(result.reach());
  }

  /**
   * The explicit model, else the calibration {@code backtest} saved for this repository, else the
   * built-in defaults.
   */
  private static RiskModel riskModel(
      AnalysisRequest request, ChangeSession session, List<Diagnostic> diagnostics) {
    if (request.model().isPresent()) {
      return ModelStore.require(request.model().get());
    }
    Path cache = CacheDirectory.resolve(request.cacheDirectory(), System.getenv());
    if (!ModelStore.anySaved(cache)) {
      return DefaultModel.get();
    }
    Optional<String> root = session.rootCommitId();
    if (root.isEmpty()) {
      return DefaultModel.get();
    }
    Path saved = ModelStore.defaultPath(cache, root.get());
    Optional<RiskModel> calibrated = ModelStore.load(saved);
    calibrated.ifPresent(
        m -> diagnostics.add(Diagnostic.info("risk model " + m.provenance() + ", from " + saved)));
    return calibrated.orElseGet(DefaultModel::get);
  }

  private static Optional<List<Feature>> shallow(List<Diagnostic> diagnostics) {
    diagnostics.add(
        Diagnostic.warning(
            "this is a shallow clone, so history is cut off and the risk score has no history"
                + " factors (the change's own size stands in for them); run git fetch --unshallow,"
                + " or set fetch-depth: 0 on actions/checkout"));
    return Optional.empty();
  }

  /**
   * The history signals of the change, from the history up to its merge-base, with the author's
   * experience with the reached entry points; empty when history could not be read (already noted).
   */
  private static Optional<List<Feature>> history(
      Optional<History> history,
      ChangeSet change,
      Optional<Reach> reach,
      List<Diagnostic> diagnostics) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<Feature> features =
          new ArrayList<>(HistoryFeatures.of(history.get(), change).features());
      reach.ifPresent(
          r ->
              features.add(
                  HistoryFeatures.entryPointExperience(
                      history.get(),
                      change,
                      r.entryPoints().stream().map(EntryPoint::path).distinct().toList())));
      return Optional.of(List.copyOf(features));
    } catch (InputException | UncheckedIOException e) {
      diagnostics.add(BaseHistory.unreadable(e));
      return Optional.empty();
    }
  }

  private static boolean isAppConfig(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return (name.startsWith("application") || name.startsWith("bootstrap"))
        && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties"));
  }

  /**
   * The explicit file, or the one in the merge-base: a change is judged by the rules it started
   * from, so it cannot silence the rules that would flag it.
   */
  static ScrutineerConfig config(
      AnalysisRequest request, ChangeSet change, SourceTree base, List<Diagnostic> diagnostics) {
    if (request.configFile().isPresent()) {
      return ConfigLoader.load(request.configFile().get());
    }
    if (change.files().stream().map(FileChange::path).anyMatch(CONFIG_FILE::equals)) {
      diagnostics.add(
          Diagnostic.info(
              CONFIG_FILE
                  + " changes here; this analysis uses its version from the merge-base, as"
                  + " changes are judged by the rules they start from"));
    }
    OptionalLong size = base.size(CONFIG_FILE);
    if (size.isPresent() && size.getAsLong() > MAX_CONFIG_BYTES) {
      throw new InputException(
          CONFIG_FILE + " at " + change.mergeBase().id() + " is larger than 1 MiB; keep it small");
    }
    return base.read(CONFIG_FILE)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .map(text -> ConfigLoader.load(text, CONFIG_FILE + " at " + change.mergeBase().shortId()))
        .orElseGet(ScrutineerConfig::defaults);
  }
}
