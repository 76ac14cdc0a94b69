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
 */
public record AnalysisRequest(
    ChangeQuery change, Optional<Path> pullRequestJson, Optional<Path> configFile) {
  public AnalysisRequest {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequestJson, "pullRequestJson");
    Objects.requireNonNull(configFile, "configFile");
  }
}
