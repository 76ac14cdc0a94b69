package dev.scrutineer.analysis.provenance;

import dev.scrutineer.analysis.provenance.AgentIdentities.Role;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The author and committer of a commit: an agent's own identity means the agent made the commit
 * ({@link AiLevel#GENERATED}); Aider's {@code (aider)} name suffix means Aider wrote the change in
 * a session a person drove ({@link AiLevel#SUBSTANTIAL}). Both are detected, not declared.
 */
final class IdentitySignatures implements CommitSignature {
  private static final String AIDER_SUFFIX = " (aider)";

  @Override
  public List<Hit> find(Commit commit) {
    List<Hit> hits = new ArrayList<>();
    identity(commit.author(), Source.AUTHOR).ifPresent(hits::add);
    identity(commit.committer(), Source.COMMITTER).ifPresent(hits::add);
    return hits;
  }

  private static Optional<Hit> identity(Person person, Source where) {
    String evidence = person.toString();
    Optional<AgentIdentities.Agent> agent = AgentIdentities.of(person);
    if (agent.isPresent()) {
      // A review bot never authors the change: its presence is no authorship signal.
      return agent
          .filter(a -> a.role() == Role.AGENT)
          .map(a -> Hit.detected(where, Optional.of(a.tool()), AiLevel.GENERATED, evidence));
    }
    if (person.name().strip().toLowerCase(Locale.ROOT).endsWith(AIDER_SUFFIX)) {
      return Optional.of(Hit.detected(where, Optional.of("Aider"), AiLevel.SUBSTANTIAL, evidence));
    }
    return Optional.empty();
  }
}
