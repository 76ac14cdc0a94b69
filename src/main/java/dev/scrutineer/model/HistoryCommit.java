package dev.scrutineer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit of the mined history with its line counts per file against its first parent. A merge
 * commit has no files, as in {@code git log --numstat}: its changes are counted on the branch that
 * made them.
 */
public record HistoryCommit(
    String id,
    List<String> parents,
    Person author,
    Instant authorTime,
    Instant commitTime,
    String message,
    List<FileDelta> files) {
  public HistoryCommit {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(authorTime, "authorTime");
    Objects.requireNonNull(commitTime, "commitTime");
    Objects.requireNonNull(message, "message");
    files = List.copyOf(files);
  }

  public boolean isMerge() {
    return parents.size() > 1;
  }

  /** The first line of the message. */
  public String subject() {
    int end = message.indexOf('\n');
    return end < 0 ? message.strip() : message.substring(0, end).strip();
  }
}
