package dev.scrutineer.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to hold against the required scrutiny.
 *
 * @param analysis the change, as {@code analyze} selects it
 * @param reviews GitHub's reviews JSON of the pull request; empty means no review yet
 * @param teams who is behind the teams and emails of CODEOWNERS and the policy
 * @param codeOwners a CODEOWNERS file to use instead of the merge-base's
 * @param drillAcknowledged a failure drill of the change was acknowledged
 */
public record GateRequest(
    AnalysisRequest analysis,
    Optional<Path> reviews,
    Optional<Path> teams,
    Optional<Path> codeOwners,
    boolean drillAcknowledged) {
  public GateRequest {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(reviews, "reviews");
    Objects.requireNonNull(teams, "teams");
    Objects.requireNonNull(codeOwners, "codeOwners");
  }
}
