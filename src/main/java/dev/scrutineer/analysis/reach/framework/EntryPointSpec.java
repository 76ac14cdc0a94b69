package dev.scrutineer.analysis.reach.framework;

import java.util.Objects;

/**
 * How a framework calls a member from outside the program, before any chain is known.
 *
 * @param kind {@code http}, {@code servlet}, {@code main}, {@code schedule}, {@code message},
 *     {@code event} or {@code grpc}, as {@link dev.scrutineer.model.EntryPoint#kind()} names them
 * @param label what an on-call engineer calls it: {@code GET /owners/{ownerId}}, {@code topic
 *     orders}, {@code cron 0 0 * * *}
 */
public record EntryPointSpec(String kind, String label) {
  public EntryPointSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
  }
}
