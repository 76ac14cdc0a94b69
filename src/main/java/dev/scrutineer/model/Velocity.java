package dev.scrutineer.model;

import java.util.Objects;

/**
 * Lines changed per minute between two consecutive commits of one author in the change. A figure to
 * show, never proof of anything.
 */
public record Velocity(
    String authorEmail,
    String fromCommit,
    String toCommit,
    double minutes,
    int linesChanged,
    double linesPerMinute) {
  public Velocity {
    Objects.requireNonNull(authorEmail, "authorEmail");
    Objects.requireNonNull(fromCommit, "fromCommit");
    Objects.requireNonNull(toCommit, "toCommit");
  }
}
