package dev.scrutineer.config;

import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One tier of the policy as written: what chooses it and what it asks for. A tier also asks for
 * everything the tiers below it ask for; the policy engine adds them up.
 *
 * @param minScore a risk score from which a change is at least in this tier
 * @param when triggers that put a change in this tier whatever its score
 * @param approvals human approvals needed on the current head
 * @param codeOwners whose code owners must approve
 * @param surfaceReviewers for a touched surface, who must approve (users, teams or emails)
 * @param evidence evidence the change must carry
 * @param disclosure AI assistance must be declared in the pull request or in trailers
 * @param origin where the tier is written
 */
public record TierSpec(
    RiskTier tier,
    OptionalDouble minScore,
    Triggers when,
    int approvals,
    CodeOwnersScope codeOwners,
    Map<Surface, List<String>> surfaceReviewers,
    List<EvidenceKind> evidence,
    boolean disclosure,
    SourceLine origin) {
  public TierSpec {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(minScore, "minScore");
    Objects.requireNonNull(when, "when");
    if (approvals < 0) {
      throw new IllegalArgumentException("approvals must not be negative");
    }
    Objects.requireNonNull(codeOwners, "codeOwners");
    TreeMap<Surface, List<String>> reviewers = new TreeMap<>();
    surfaceReviewers.forEach((s, r) -> reviewers.put(s, List.copyOf(r)));
    surfaceReviewers = java.util.Collections.unmodifiableMap(reviewers);
    evidence = evidence.stream().distinct().sorted().toList();
    Objects.requireNonNull(origin, "origin");
  }

  /** A tier that asks for nothing and is chosen by nothing but a lower tier's absence. */
  static TierSpec empty(RiskTier tier, SourceLine origin) {
    return new TierSpec(
        tier,
        OptionalDouble.empty(),
        Triggers.NONE,
        0,
        CodeOwnersScope.NONE,
        Map.of(),
        List.of(),
        false,
        origin);
  }
}
