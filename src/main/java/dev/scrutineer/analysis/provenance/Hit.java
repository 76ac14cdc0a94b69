package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ProvenanceSignal;
import java.util.Objects;
import java.util.Optional;

/**
 * A signal as a matcher finds it, before it is tied to a commit. Matchers stay independent of where
 * their input came from; the detector adds the commit id.
 */
record Hit(
    Source source,
    Optional<String> tool,
    Optional<String> model,
    AiLevel level,
    boolean declared,
    String evidence) {
  Hit {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(level, "level");
    evidence = evidence.strip();
  }

  /** A disclosure the author made and published with the change. */
  static Hit declared(
      Source source,
      Optional<String> tool,
      Optional<String> model,
      AiLevel level,
      String evidence) {
    return new Hit(source, tool, model, level, true, evidence);
  }

  /** Evidence found without the author saying so: identities, branches, files. */
  static Hit detected(Source source, Optional<String> tool, AiLevel level, String evidence) {
    return new Hit(source, tool, Optional.empty(), level, false, evidence);
  }

  ProvenanceSignal toSignal(Optional<String> commitId) {
    return new ProvenanceSignal(source.id(), commitId, tool, model, level, declared, evidence);
  }
}
