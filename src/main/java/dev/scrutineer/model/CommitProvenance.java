package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/** The AI-assistance level of one commit and the signals that set it. */
public record CommitProvenance(String commitId, AiLevel level, List<ProvenanceSignal> signals) {
  public CommitProvenance {
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(level, "level");
    signals = List.copyOf(signals);
  }
}
