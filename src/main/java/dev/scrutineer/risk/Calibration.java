package dev.scrutineer.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Refits the history terms on a repository's own past. The other terms (surfaces, blast radius,
 * provenance) keep their built-in priors: a backtest cannot observe them on old commits.
 */
final class Calibration {
  /** A mild penalty: with standardised inputs it only matters for small or collinear samples. */
  static final double LAMBDA = 1.0;

  private static final double[] TIER_QUANTILES = {0.5, 0.8, 0.95};

  private Calibration() {}

  static RiskModel fit(List<Sample> train, Set<String> buggy, String provenance) {
    RiskModel prior = DefaultModel.get();
    List<Term> history =
        prior.terms().stream()
            .filter(t -> DefaultModel.HISTORY.contains(t.id()))
            .filter(t -> train.stream().anyMatch(s -> s.values().containsKey(t.id())))
            .toList();
    List<Term> standardised = new ArrayList<>();
    for (Term term : history) {
      double[] raw = train.stream().mapToDouble(s -> transformed(term, s)).toArray();
      double mean = Arrays.stream(raw).average().orElse(0);
      double variance = Arrays.stream(raw).map(v -> (v - mean) * (v - mean)).average().orElse(0);
      double std = variance > 1e-12 ? Math.sqrt(variance) : 1;
      standardised.add(new Term(term.id(), term.log(), term.direction(), mean, std, 0));
    }
    double[][] x = new double[train.size()][standardised.size()];
    boolean[] y = new boolean[train.size()];
    for (int i = 0; i < train.size(); i++) {
      Sample sample = train.get(i);
      for (int j = 0; j < standardised.size(); j++) {
        Term term = standardised.get(j);
        x[i][j] = term.input(sample.values().getOrDefault(term.id(), 0.0));
      }
      y[i] = buggy.contains(sample.commitId());
    }
    LogisticFit.Result fit = LogisticFit.fit(x, y, LAMBDA);
    List<Term> terms = new ArrayList<>();
    for (int j = 0; j < standardised.size(); j++) {
      terms.add(standardised.get(j).withWeight(fit.weights()[j]));
    }
    prior.terms().stream().filter(t -> !DefaultModel.HISTORY.contains(t.id())).forEach(terms::add);
    RiskModel unTiered =
        new RiskModel(RiskModel.VERSION, provenance, fit.intercept(), terms, prior.tiers());
    double[] scores =
        train.stream()
            .mapToDouble(s -> RiskModel.sigmoid(unTiered.logit(s.values())))
            .sorted()
            .toArray();
    return new RiskModel(
        RiskModel.VERSION, provenance, fit.intercept(), terms, tiers(scores, prior.tiers()));
  }

  private static double transformed(Term term, Sample sample) {
    double value = sample.values().getOrDefault(term.id(), 0.0);
    return term.direction() * (term.log() ? Math.log1p(Math.max(0, value)) : value);
  }

  /**
   * The training scores' median, 80th and 95th percentiles: half of past changes are low, one in
   * twenty critical. Falls back to the defaults when the scores are too tied to separate tiers.
   */
  static Tiers tiers(double[] sortedScores, Tiers fallback) {
    double[] cut = new double[TIER_QUANTILES.length];
    for (int i = 0; i < cut.length; i++) {
      int index = (int) Math.floor(TIER_QUANTILES[i] * (sortedScores.length - 1));
      cut[i] = sortedScores[index];
    }
    if (!(cut[0] > 0 && cut[0] < cut[1] && cut[1] < cut[2] && cut[2] < 1)) {
      return fallback;
    }
    return new Tiers(cut[0], cut[1], cut[2]);
  }
}
