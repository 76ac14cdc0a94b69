package dev.scrutineer.engine;

import dev.scrutineer.analysis.provenance.ProvenanceDetector;
import dev.scrutineer.analysis.surface.SurfaceAnalyzer;
import dev.scrutineer.config.ConfigLoader;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.ingest.PullRequestReader;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The façade every front end calls: one change in, one analysis out. */
public final class Scrutineer {
  /** The configuration file, looked for at the root of the base revision's tree. */
  public static final String CONFIG_FILE = "scrutineer.yml";

  public Analysis analyze(AnalysisRequest request) {
    ChangeSet change = GitChangeReader.read(request.change());
    Optional<PullRequest> pullRequest = request.pullRequestJson().map(PullRequestReader::read);
    List<Diagnostic> diagnostics = new ArrayList<>(change.diagnostics());
    ScrutineerConfig config = config(request, change, diagnostics);
    List<Finding> findings = new SurfaceAnalyzer(config).analyze(change);
    Provenance provenance = new ProvenanceDetector().detect(change, pullRequest);
    return new Analysis(change, pullRequest, findings, provenance, diagnostics);
  }

  /**
   * The explicit file, or the one in the merge-base: a change is judged by the rules it started
   * from, so it cannot silence the rules that would flag it.
   */
  private static ScrutineerConfig config(
      AnalysisRequest request, ChangeSet change, List<Diagnostic> diagnostics) {
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
    return GitChangeReader.fileAt(
            request.change().repository(), change.mergeBase().id(), CONFIG_FILE)
        .map(text -> ConfigLoader.load(text, CONFIG_FILE + " at " + change.mergeBase().shortId()))
        .orElseGet(ScrutineerConfig::defaults);
  }
}
