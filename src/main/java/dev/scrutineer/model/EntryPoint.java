package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * A way into the running system that the change reaches, named as an on-call engineer knows it.
 *
 * @param kind {@code http}, {@code message}, {@code schedule}, {@code event}, {@code main}, {@code
 *     grpc}, {@code servlet}
 * @param label what it is called in production: {@code GET /owners/{id}}, {@code topic orders},
 *     {@code cron 0 0 * * *}
 * @param chain one shortest chain from a changed declaration to the entry point's declaration
 */
public record EntryPoint(
    String kind,
    String label,
    Symbol symbol,
    String path,
    int line,
    Confidence confidence,
    List<ReachStep> chain) {
  public EntryPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(confidence, "confidence");
    chain = List.copyOf(chain);
  }
}
