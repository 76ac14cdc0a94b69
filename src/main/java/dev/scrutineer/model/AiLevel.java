package dev.scrutineer.model;

/**
 * How much of a change an AI tool is disclosed or detected to have written, in the wording of the
 * Fedora and OpenInfra policies. Ordered: a later constant means more AI involvement.
 */
public enum AiLevel {
  /** No signal found. Absence of evidence: never read this as "human-written". */
  NONE,
  /** A human used a tool and materially revised the work. */
  ASSISTED,
  /** Vendor co-author trailers with "generated with" lines, or agent and human commits mixed. */
  SUBSTANTIAL,
  /** Mostly machine-written: {@code Generated-by:}, an agent bot author, agent sessions alone. */
  GENERATED;

  public AiLevel max(AiLevel other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
