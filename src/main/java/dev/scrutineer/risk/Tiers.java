package dev.scrutineer.risk;

import dev.scrutineer.model.RiskTier;

/**
 * Score cutoffs between tiers: a score at or above {@code medium} is at least medium, and so on.
 */
public record Tiers(double medium, double high, double critical) {
  public Tiers {
    if (!(0 < medium && medium <= high && high <= critical && critical < 1)) {
      throw new IllegalArgumentException(
          "tier cutoffs must rise within (0, 1): " + medium + ", " + high + ", " + critical);
    }
  }

  RiskTier of(double score) {
    if (score >= critical) {
      return RiskTier.CRITICAL;
    }
    if (score >= high) {
      return RiskTier.HIGH;
    }
    return score >= medium ? RiskTier.MEDIUM : RiskTier.LOW;
  }
}
