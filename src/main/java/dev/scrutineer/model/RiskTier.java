package dev.scrutineer.model;

import java.util.Locale;

/** How much scrutiny a change's risk calls for. Ordered: a later constant means more risk. */
public enum RiskTier {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public RiskTier max(RiskTier other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
