package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Scrutineer found about one change: the input it read and every analysis's facts.
 *
 * @param changedDeclarations the Java declarations the change adds, removes or alters, by path
 * @param reach what depends on the changed declarations; empty when the change has no Java
 *     declarations to start from
 * @param risk the change's risk score, tier and factors; always scored, by the built-in model when
 *     no calibration is found
 */
public record Analysis(
    ChangeSet change,
    Optional<PullRequest> pullRequest,
    List<ChangedDeclaration> changedDeclarations,
    Optional<Reach> reach,
    List<Finding> findings,
    Provenance provenance,
    Risk risk,
    List<Diagnostic> diagnostics) {
  public Analysis {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequest, "pullRequest");
    changedDeclarations = List.copyOf(changedDeclarations);
    Objects.requireNonNull(reach, "reach");
    findings = List.copyOf(findings);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(risk, "risk");
    diagnostics = List.copyOf(diagnostics);
  }
}
