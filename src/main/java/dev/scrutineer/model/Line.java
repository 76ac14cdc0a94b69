package dev.scrutineer.model;

import java.util.Objects;

/** One line of a file, 1-based, as decoded text without its line terminator. */
public record Line(int number, String text) {
  public Line {
    if (number < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + number);
    }
    Objects.requireNonNull(text, "text");
  }
}
