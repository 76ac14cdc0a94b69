package dev.scrutineer.policy;

import dev.scrutineer.analysis.provenance.Identities;
import dev.scrutineer.model.Analysis;

/** The policy's questions about who wrote a change. */
final class Identity {
  private Identity() {}

  static boolean agentAuthored(Analysis analysis) {
    return Identities.agentAuthored(analysis.change().commits(), analysis.pullRequest());
  }
}
