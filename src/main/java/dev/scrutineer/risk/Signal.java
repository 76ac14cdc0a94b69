package dev.scrutineer.risk;

import java.util.Objects;

/**
 * One measured input to the model, with the words that explain it.
 *
 * @param id the model term it feeds, such as {@code la} or {@code surface.authn-authz}
 * @param value the raw measurement: a count, a size, a flag as 0 or 1
 * @param inWords what was measured, for a reviewer: "412 lines added"
 */
public record Signal(String id, double value, String inWords) {
  public Signal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inWords, "inWords");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(id + " must be finite: " + value);
    }
  }
}
