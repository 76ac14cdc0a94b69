package dev.scrutineer.analysis.reach.index;

import java.util.Objects;

/**
 * One import declaration.
 *
 * @param name the imported name without {@code .*}: {@code java.util.List}, {@code
 *     org.junit.jupiter.api.Assertions.assertEquals}, {@code com.acme.model}
 * @param isStatic an {@code import static}
 * @param onDemand ends in {@code .*}
 */
public record ImportFact(String name, boolean isStatic, boolean onDemand) {
  public ImportFact {
    Objects.requireNonNull(name, "name");
  }
}
