package dev.scrutineer.model;

import java.util.Objects;

/**
 * One measured property of a change, such as its author's experience.
 *
 * @param id a short stable name ({@code la}, {@code exp}, ...)
 * @param inWords the value as a reviewer reads it, such as "12 prior fixes to A.java in the last 6
 *     months"
 */
public record Feature(String id, double value, String inWords) {
  public Feature {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inWords, "inWords");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("feature " + id + " is not finite: " + value);
    }
  }
}
