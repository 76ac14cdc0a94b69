package dev.scrutineer.model;

import java.util.Objects;

/**
 * A file that usually changes together with one the change touches, but was not touched this time.
 *
 * @param touched the file the change touches
 * @param missed the file that usually changes with it
 * @param support prior commits that changed both
 * @param confidence support divided by the prior commits that changed {@code touched}
 */
public record CouplingMiss(String touched, String missed, int support, double confidence) {
  public CouplingMiss {
    Objects.requireNonNull(touched, "touched");
    Objects.requireNonNull(missed, "missed");
  }
}
