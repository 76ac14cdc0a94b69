package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * A test that exercises changed code, directly or through what it calls, with one shortest chain
 * that explains why.
 */
public record ReachedTest(
    Symbol symbol, String path, int line, Confidence confidence, List<ReachStep> chain) {
  public ReachedTest {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(confidence, "confidence");
    chain = List.copyOf(chain);
  }
}
