package dev.scrutineer.model;

import java.util.Objects;

/** One reason a change is at least in {@code tier}: its risk score, or a trigger that held. */
public record TierReason(RiskTier tier, String because) {
  public TierReason {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(because, "because");
  }
}
