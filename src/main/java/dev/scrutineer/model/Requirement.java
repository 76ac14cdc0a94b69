package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * One thing a change must get before it merges.
 *
 * @param id stable within a report: {@code approvals}, {@code code-owners:touched:@org/team},
 *     {@code surface:authn-authz}, {@code evidence:rollout-plan}, {@code disclosure}
 * @param approvals approvals needed from {@link #eligible}: the count for {@link
 *     RequirementKind#APPROVALS}, 1 for code owners and surfaces, 0 for evidence and disclosure
 * @param eligible who can satisfy it, as CODEOWNERS names them ({@code @user}, {@code @org/team},
 *     an email); empty when any human reviewer other than the author can, or no reviewer is
 *     involved
 * @param paths the paths it is about, for code owners
 * @param description what is required, in words
 * @param tier the lowest tier that asks for it
 * @param because why this change needs it
 */
public record Requirement(
    String id,
    RequirementKind kind,
    int approvals,
    List<String> eligible,
    List<String> paths,
    String description,
    RiskTier tier,
    String because) {
  public Requirement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    eligible = List.copyOf(eligible);
    paths = List.copyOf(paths);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(because, "because");
  }
}
