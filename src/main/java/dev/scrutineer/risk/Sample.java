package dev.scrutineer.risk;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One past change as a backtest sees it: its history signals, computed only from the commits before
 * it.
 *
 * @param values each history signal's value by id; {@code la} and {@code ld} also give the effort
 */
public record Sample(String commitId, Instant time, Map<String, Double> values) {
  public Sample {
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(time, "time");
    values = Map.copyOf(values);
  }

  double effort() {
    return values.getOrDefault("la", 0.0) + values.getOrDefault("ld", 0.0);
  }
}
