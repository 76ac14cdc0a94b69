package dev.scrutineer.engine;

import dev.scrutineer.ingest.ChangeQuery;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to analyse.
 *
 * @param change which change to read from git
 * @param pullRequestJson GitHub's pull-request JSON, extra evidence about the change
 * @param configFile a {@code scrutineer.yml} to use; empty means the one in the base revision, so a
 *     change cannot loosen the rules it is judged by
 * @param cacheDirectory where the code index keeps facts between runs; empty means {@code
 *     $SCRUTINEER_CACHE}, {@code $XDG_CACHE_HOME/scrutineer} or {@code ~/.cache/scrutineer}
 * @param why an entry point or declaration to explain: why does the change reach it?
 * @param model a calibrated risk model to use; empty means the one {@code backtest} saved for this
 *     repository in the cache directory, else the built-in defaults
 * @param eachDeclaration also trace what each changed declaration reaches on its own, as a drill
 *     needs: one more walk of the graph per declaration, so only when asked
 */
public record AnalysisRequest(
    ChangeQuery change,
    Optional<Path> pullRequestJson,
    Optional<Path> configFile,
    Optional<Path> cacheDirectory,
    Optional<String> why,
    Optional<Path> model,
    boolean eachDeclaration) {
  public AnalysisRequest {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequestJson, "pullRequestJson");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(model, "model");
  }

  /** A request with the defaults for everything but the change. */
  public static AnalysisRequest of(ChangeQuery change) {
    return new AnalysisRequest(
        change,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** The same request, tracing each changed declaration's reach too. */
  public AnalysisRequest tracingEachDeclaration() {
    return new AnalysisRequest(
        change, pullRequestJson, configFile, cacheDirectory, why, model, true);
  }
}
