package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What Scrutineer found about one change: the input it read and every analysis's facts. */
public record Analysis(
    ChangeSet change,
    Optional<PullRequest> pullRequest,
    List<Finding> findings,
    Provenance provenance,
    List<Diagnostic> diagnostics) {
  public Analysis {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequest, "pullRequest");
    findings = List.copyOf(findings);
    Objects.requireNonNull(provenance, "provenance");
    diagnostics = List.copyOf(diagnostics);
  }
}
