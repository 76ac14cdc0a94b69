package dev.scrutineer.model;

import java.util.Objects;

/**
 * A test that exercises changed code, directly or through what it calls. A change can reach tens of
 * thousands of tests, so a test names where its shortest chain starts and how long it is rather
 * than carrying the chain; {@code --why} with the test's symbol gives the chain itself.
 *
 * @param from the changed declaration (or configuration key node) its shortest chain starts at
 * @param hops the edges on that chain: 0 when the test itself changed
 */
public record ReachedTest(
    Symbol symbol, String path, int line, Confidence confidence, Symbol from, int hops) {
  public ReachedTest {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(from, "from");
    if (hops < 0) {
      throw new IllegalArgumentException("hops must not be negative: " + hops);
    }
  }
}
