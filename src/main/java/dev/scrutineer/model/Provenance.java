package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AI assistance for the whole change.
 *
 * @param level the overall level
 * @param tools the tools named by any signal, sorted
 * @param models the models named by any signal, sorted
 * @param declared true when the author disclosed assistance (trailers, PR text or labels)
 * @param signals every signal found, commits first (oldest first), then the pull request
 * @param commits the level of each commit, oldest first
 * @param velocity lines per minute between consecutive commits of one author
 * @param canonicalTrailer a trailer to put on a squash-merge commit so provenance survives it
 */
public record Provenance(
    AiLevel level,
    List<String> tools,
    List<String> models,
    boolean declared,
    List<ProvenanceSignal> signals,
    List<CommitProvenance> commits,
    List<Velocity> velocity,
    Optional<String> canonicalTrailer) {
  public Provenance {
    Objects.requireNonNull(level, "level");
    tools = List.copyOf(tools);
    models = List.copyOf(models);
    signals = List.copyOf(signals);
    commits = List.copyOf(commits);
    velocity = List.copyOf(velocity);
  }

  /** Assistance was detected, but nobody said so. Worded as an action item, never an accusation. */
  public boolean undeclared() {
    return level != AiLevel.NONE && !declared;
  }
}
