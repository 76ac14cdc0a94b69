package dev.scrutineer.model;

import java.util.Objects;

/** One {@code Key: value} line from the trailer block at the end of a commit message. */
public record Trailer(String key, String value) {
  public Trailer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
