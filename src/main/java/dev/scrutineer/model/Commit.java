package dev.scrutineer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit of the change, with the size of its own diff against its first parent.
 *
 * @param linesAdded lines added against the first parent, or -1 when not measured
 * @param linesDeleted lines deleted against the first parent, or -1 when not measured
 */
public record Commit(
    String id,
    List<String> parentIds,
    Person author,
    Instant authoredAt,
    Person committer,
    Instant committedAt,
    String message,
    List<Trailer> trailers,
    int linesAdded,
    int linesDeleted) {
  public Commit {
    Objects.requireNonNull(id, "id");
    parentIds = List.copyOf(parentIds);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(authoredAt, "authoredAt");
    Objects.requireNonNull(committer, "committer");
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(message, "message");
    trailers = List.copyOf(trailers);
  }

  /** The first line of the message. */
  public String subject() {
    int end = message.indexOf('\n');
    return end < 0 ? message.strip() : message.substring(0, end).strip();
  }

  public String shortId() {
    return id.substring(0, Math.min(12, id.length()));
  }
}
