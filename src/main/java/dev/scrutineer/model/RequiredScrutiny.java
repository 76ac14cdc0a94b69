package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What review a change needs before it merges, and why.
 *
 * @param tier the highest tier any reason puts the change in
 * @param risk the risk the tier was chosen from; empty when no score was available
 * @param reasons every reason the change is in a tier above low, highest first
 * @param requirements what the tier and the tiers below it ask for, for this change
 * @param diagnostics what limited the answer, such as invalid {@code CODEOWNERS} lines
 */
public record RequiredScrutiny(
    RiskTier tier,
    Optional<Risk> risk,
    List<TierReason> reasons,
    List<Requirement> requirements,
    List<Diagnostic> diagnostics) {
  public RequiredScrutiny {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(risk, "risk");
    reasons = List.copyOf(reasons);
    requirements = List.copyOf(requirements);
    diagnostics = List.copyOf(diagnostics);
  }
}
