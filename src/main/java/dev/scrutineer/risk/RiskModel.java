package dev.scrutineer.risk;

import dev.scrutineer.model.Feature;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskFactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A logistic model over standardised signals: {@code score = 1 / (1 + exp(-(intercept + sum of
 * weight * input)))}. Each term's {@code weight * input} is the factor a reviewer reads.
 *
 * @param version the saved file's format, {@link #VERSION}
 * @param provenance where the weights come from, for reports: "built-in defaults" or "calibrated on
 *     ..."
 * @param intercept the log-odds of a change at every term's mean
 * @param terms one per signal the model reads
 * @param tiers the score cutoffs between tiers
 */
public record RiskModel(
    int version, String provenance, double intercept, List<Term> terms, Tiers tiers) {
  public static final int VERSION = 1;

  /** Contributions smaller than this would read as "+0.0" in reports. */
  private static final double NEGLIGIBLE = 0.05;

  public RiskModel {
    Objects.requireNonNull(provenance, "provenance");
    terms = List.copyOf(terms);
    Objects.requireNonNull(tiers, "tiers");
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("intercept must be finite: " + intercept);
    }
  }

  /**
   * The risk of a change with these signals. A term without a signal counts as typical: it adds
   * nothing, which is how a change is scored when its history could not be read.
   */
  public Risk score(List<Feature> signals) {
    Map<String, Feature> byId = new HashMap<>();
    signals.forEach(s -> byId.put(s.id(), s));
    double logit = intercept;
    List<RiskFactor> factors = new ArrayList<>();
    for (Term term : terms) {
      Feature signal = byId.get(term.id());
      if (signal == null) {
        continue;
      }
      double contribution = term.contribution(signal.value());
      logit += contribution;
      if (Math.abs(contribution) >= NEGLIGIBLE) {
        factors.add(new RiskFactor(term.id(), contribution, signal.inWords()));
      }
    }
    factors.sort(
        Comparator.comparingDouble((RiskFactor f) -> -Math.abs(f.contribution()))
            .thenComparing(RiskFactor::id));
    double score = sigmoid(logit);
    return new Risk(score, tiers.of(score), factors, provenance);
  }

  /** The log-odds alone, for ranking many changes quickly. */
  public double logit(Map<String, Double> values) {
    double logit = intercept;
    for (Term term : terms) {
      Double value = values.get(term.id());
      if (value != null) {
        logit += term.contribution(value);
      }
    }
    return logit;
  }

  static double sigmoid(double logit) {
    // Clamped so the score stays a probability strictly inside [0, 1] in double precision.
    double clamped = Math.max(-30, Math.min(30, logit));
    return 1 / (1 + Math.exp(-clamped));
  }
}
