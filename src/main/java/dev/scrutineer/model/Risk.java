package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * A change's risk: a score, the tier it falls in, and every factor that moved it.
 *
 * @param score the modelled probability, from 0 to 1, that the change induces a defect
 * @param tier the score's tier under the model's thresholds
 * @param factors each factor's contribution, largest magnitude first
 * @param model which model scored it: the built-in defaults or a calibration, named for reports
 */
public record Risk(double score, RiskTier tier, List<RiskFactor> factors, String model) {
  public Risk {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within [0, 1]: " + score);
    }
    Objects.requireNonNull(tier, "tier");
    factors = List.copyOf(factors);
    Objects.requireNonNull(model, "model");
  }
}
