package dev.scrutineer.model;

import java.util.Objects;

/** One commit's risk, scored against its first parent from the history before it. */
public record ScoredCommit(String commitId, Risk risk) {
  public ScoredCommit {
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(risk, "risk");
  }
}
