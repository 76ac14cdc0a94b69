package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Symbol;
import java.util.Objects;

/**
 * {@code from} depends on {@code to}: a change to {@code to} can reach {@code from}.
 *
 * @param via why, in the words of {@link dev.scrutineer.model.ReachStep#via()}: {@code call},
 *     {@code override}, {@code new}, {@code field}, {@code type}, {@code class-literal}, {@code
 *     config-key}, {@code request-path}, {@code member-of}
 * @param line where in {@code from}'s file the dependency is written, 0 when nowhere in particular
 */
public record Edge(Symbol from, Symbol to, String via, Confidence confidence, int line) {
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(confidence, "confidence");
  }
}
