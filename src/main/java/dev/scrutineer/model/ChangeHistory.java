package dev.scrutineer.model;

import java.util.List;
import java.util.Optional;

/**
 * What the repository's history says about a change, computed only from commits before it: the
 * just-in-time defect-prediction features and the evidence behind the history-based ones.
 *
 * @param features in a fixed order: ns, nd, nf, entropy, la, ld, lt, fix, ndev, age, nuc, exp,
 *     rexp, sexp, hotspot, coupling, reverts
 * @param hotspots touched files with at least one recent fix, most fixed first
 */
public record ChangeHistory(
    List<Feature> features,
    List<CouplingMiss> missedCoupling,
    List<Hotspot> hotspots,
    List<Revert> recentReverts) {
  public ChangeHistory {
    features = List.copyOf(features);
    missedCoupling = List.copyOf(missedCoupling);
    hotspots = List.copyOf(hotspots);
    recentReverts = List.copyOf(recentReverts);
  }

  /** The feature with this id. */
  public Optional<Feature> feature(String id) {
    return features.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** The value of the feature with this id. */
  public double value(String id) {
    return feature(id).orElseThrow(() -> new IllegalArgumentException("no feature " + id)).value();
  }
}
