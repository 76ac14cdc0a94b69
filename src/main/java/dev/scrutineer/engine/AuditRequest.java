package dev.scrutineer.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which merged changes to audit.
 *
 * @param repository the repository the changes were merged in; with an export, optional: without it
 *     nothing is analysed
 * @param branch the branch whose first-parent history holds the merges; empty means the default
 *     branch
 * @param pullRequests an export of merged pull requests with reviews and commits; empty means the
 *     merge history in git, without review data
 * @param since changes merged before this are left out
 */
public record AuditRequest(
    Path repository,
    Optional<String> branch,
    Optional<Path> pullRequests,
    Instant since,
    Optional<Path> configFile,
    Optional<Path> cacheDirectory) {
  public AuditRequest {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(pullRequests, "pullRequests");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
  }
}
