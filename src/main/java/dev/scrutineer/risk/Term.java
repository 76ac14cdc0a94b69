package dev.scrutineer.risk;

import java.util.Objects;

/**
 * One term of the model: how a signal is transformed, standardised and weighed.
 *
 * <p>A term's input is {@code direction * (log ? log1p(value) : value)}, so that a larger input
 * always means more risk; then it is standardised with {@code mean} and {@code std}. The weight is
 * never negative, so more of a risk signal can never lower the score.
 *
 * @param id the signal it reads
 * @param log counts and sizes are skewed: log1p spreads them, as in just-in-time defect models
 * @param direction +1 when more of the signal is riskier, -1 when less is (experience)
 * @param mean the transformed input's mean, a typical change scoring zero on this term
 * @param std the transformed input's standard deviation, 1 when not standardised
 * @param weight log-odds per standard deviation, never negative
 */
public record Term(String id, boolean log, int direction, double mean, double std, double weight) {
  public Term {
    Objects.requireNonNull(id, "id");
    if (direction != 1 && direction != -1) {
      throw new IllegalArgumentException("direction must be 1 or -1: " + direction);
    }
    if (!(std > 0) || !Double.isFinite(mean) || !(weight >= 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException(
          "bad term " + id + ": mean " + mean + ", std " + std + ", weight " + weight);
    }
  }

  /** The standardised input, before weighing. */
  double input(double value) {
    double transformed = direction * (log ? Math.log1p(Math.max(0, value)) : value);
    return (transformed - mean) / std;
  }

  /** What the signal adds to the log-odds. */
  double contribution(double value) {
    return weight * input(value);
  }

  Term withWeight(double newWeight) {
    return new Term(id, log, direction, mean, std, newWeight);
  }
}
