package dev.scrutineer.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * What to drill.
 *
 * @param analysis the change, as {@code analyze} selects it
 * @param rollbackOnto where a revert is tried; empty means the change's base
 * @param mutate run PIT mutation testing on the changed lines; builds and runs the repository's
 *     code, so front ends pass it only when the user said the repository is trusted
 */
public record TabletopRequest(
    AnalysisRequest analysis, Optional<String> rollbackOnto, boolean mutate) {
  public TabletopRequest {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(rollbackOnto, "rollbackOnto");
  }
}
