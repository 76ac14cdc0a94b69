package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.ProvenanceSignal;
import java.util.Collection;
import java.util.List;

/**
 * How signals add up to a level. A commit takes the highest level its signals imply. The change
 * takes the highest level of its commits, pull request and diff, except that agent work mixed with
 * human commits is {@link AiLevel#SUBSTANTIAL}, not {@link AiLevel#GENERATED}: the catalogue's
 * "agent session trailers with no human fix-up commits" versus "a mix of agent and human commits".
 */
final class Levels {
  private Levels() {}

  static AiLevel max(Collection<ProvenanceSignal> signals) {
    return signals.stream().map(ProvenanceSignal::level).reduce(AiLevel.NONE, AiLevel::max);
  }

  /**
   * @param commits the change's commits, in the same order as {@code levels}
   * @param others the level of the signals outside commits: pull request and diff
   */
  static AiLevel change(List<Commit> commits, List<CommitProvenance> levels, AiLevel others) {
    AiLevel level = levels.stream().map(CommitProvenance::level).reduce(others, AiLevel::max);
    boolean humanCommit = false;
    for (int i = 0; i < commits.size(); i++) {
      humanCommit |= human(commits.get(i), levels.get(i));
    }
    return level == AiLevel.GENERATED && humanCommit ? AiLevel.SUBSTANTIAL : level;
  }

  /**
   * A commit a person made: not an agent's work (below {@link AiLevel#GENERATED}, so a commit a
   * person made with an assistant counts too), not by a bot, and not a merge, which brings in other
   * work rather than fixing up the agent's.
   */
  private static boolean human(Commit commit, CommitProvenance provenance) {
    return provenance.level().compareTo(AiLevel.GENERATED) < 0
        && commit.parentIds().size() <= 1
        && !AgentIdentities.isBot(commit.author());
  }
}
