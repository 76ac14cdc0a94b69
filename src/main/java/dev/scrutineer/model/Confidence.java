package dev.scrutineer.model;

/**
 * How sure the reach engine is that an edge, and so everything reached through it, is real.
 * Ordered: a chain is as confident as its weakest edge.
 */
public enum Confidence {
  /** Only a name and an argument count matched, or reflection is the only caller. */
  LOW,
  /** Resolved through class-hierarchy dispatch or a framework convention. */
  MEDIUM,
  /** Resolved by Java's scoping rules to exactly one declaration. */
  HIGH;

  /** {@link #id()}, spelt once: reports write it for every reached test. */
  private final String id = name().toLowerCase(java.util.Locale.ROOT);

  public Confidence min(Confidence other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public String id() {
    return id;
  }
}
