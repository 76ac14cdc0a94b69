package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * A rule that matched the change in one file.
 *
 * @param lines the changed lines that matched, in the head file (or the base file when {@code
 *     removed} is true); empty when the rule matched the path alone
 * @param removed true when the matching lines were removed rather than added
 * @param evidence the first matching line, trimmed, or the path for path-only rules
 * @param fingerprint stable across rebases: derived from the rule, the path and the evidence, never
 *     from line numbers
 */
public record Finding(
    String ruleId,
    Surface surface,
    String title,
    String because,
    String path,
    List<Integer> lines,
    boolean removed,
    String evidence,
    String fingerprint) {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(because, "because");
    Objects.requireNonNull(path, "path");
    lines = List.copyOf(lines);
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** {@code path:line} for the first matching line, or the path alone. */
  public String location() {
    return lines.isEmpty() ? path : path + ":" + lines.get(0);
  }
}
