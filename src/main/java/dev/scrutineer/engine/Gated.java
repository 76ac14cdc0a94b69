package dev.scrutineer.engine;

import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.GateResult;
import java.util.Objects;

/** A gate's verdict with the analysis it was reached on, for reports. */
public record Gated(Analysis analysis, GateResult result) {
  public Gated {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(result, "result");
  }
}
