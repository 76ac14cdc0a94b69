package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * What one changed declaration reaches on its own, each entry point and test with a shortest chain
 * that starts at it, even where another changed declaration lies closer.
 */
public record DeclarationReach(
    Symbol declaration, List<EntryPoint> entryPoints, List<ReachedTest> tests) {
  public DeclarationReach {
    Objects.requireNonNull(declaration, "declaration");
    entryPoints = List.copyOf(entryPoints);
    tests = List.copyOf(tests);
  }
}
