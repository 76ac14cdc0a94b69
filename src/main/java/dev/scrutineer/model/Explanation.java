package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "why is this reached?" for one entry point or declaration.
 *
 * @param query what the user asked about
 * @param target the entry point label or symbol the query matched
 * @param chain one shortest chain from a changed declaration to the target; empty when the target
 *     is in the code but the change does not reach it
 */
public record Explanation(String query, String target, List<ReachStep> chain) {
  public Explanation {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(target, "target");
    chain = List.copyOf(chain);
  }

  public boolean reached() {
    return !chain.isEmpty();
  }
}
