package dev.scrutineer.config;

import java.util.Objects;

/**
 * Where a value was written: the name of the file or resource it came from and its 1-based line.
 */
public record SourceLine(String source, int line) {
  public SourceLine {
    Objects.requireNonNull(source, "source");
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + line);
    }
  }

  /** {@code source:line}, the form editors and CI logs turn into a link. */
  @Override
  public String toString() {
    return source + ":" + line;
  }
}
