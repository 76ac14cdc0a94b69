package dev.scrutineer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence of AI assistance, shown to the reader as found.
 *
 * @param source where it was found, such as {@code trailer}, {@code author}, {@code pr-label}
 * @param commitId the commit it was found in, empty for pull-request evidence
 * @param tool the tool it names, such as {@code Claude Code} or {@code Copilot}, when known
 * @param model the model it names, such as {@code claude-opus-4-5}, when known
 * @param level the level this signal alone implies
 * @param declared true when this is a disclosure by the author (a trailer, a PR checkbox or label),
 *     false when it is only detected (a bot identity, a tool's signature, velocity)
 * @param evidence the line or field as it stands in the input
 */
public record ProvenanceSignal(
    String source,
    Optional<String> commitId,
    Optional<String> tool,
    Optional<String> model,
    AiLevel level,
    boolean declared,
    String evidence) {
  public ProvenanceSignal {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(evidence, "evidence");
  }
}
