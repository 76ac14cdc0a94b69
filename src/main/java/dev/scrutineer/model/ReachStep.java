package dev.scrutineer.model;

import java.util.Objects;

/**
 * One link of a chain that explains why something is reached: {@code symbol} depends on the
 * previous step through {@code via}.
 *
 * @param via how it depends on the previous step: {@code call}, {@code override}, {@code new},
 *     {@code field}, {@code type}, {@code class-literal}, {@code config-key}, {@code request-path};
 *     {@code changed} for the first step
 */
public record ReachStep(Symbol symbol, String path, int line, String via, Confidence confidence) {
  public ReachStep {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(confidence, "confidence");
  }
}
