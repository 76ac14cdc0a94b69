package dev.scrutineer.model;

import java.util.Objects;

/**
 * One reason a change's risk score is what it is.
 *
 * @param id a stable name for the factor, such as {@code surface.auth} or {@code history.churn}
 * @param contribution what the factor adds to the score's log-odds; negative lowers the risk
 * @param because the reason in words a reviewer reads, such as "touches authentication; 3 endpoints
 *     reached"
 */
public record RiskFactor(String id, double contribution, String because) {
  public RiskFactor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(because, "because");
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution must be finite: " + contribution);
    }
  }
}
