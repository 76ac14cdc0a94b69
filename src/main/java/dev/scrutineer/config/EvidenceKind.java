package dev.scrutineer.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Evidence a tier can ask a change to carry before it merges. */
public enum EvidenceKind {
  /** A test reaches the changed declarations, or the change adds or edits a test. */
  TESTS_REACH_CHANGE,
  /** The pull request says how the change rolls out: a "Rollout" section, or a flag label. */
  ROLLOUT_PLAN,
  /** Someone acknowledged a drill of how the change fails: {@code --drill-ack} or a label. */
  DRILL_ACKNOWLEDGED;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<EvidenceKind> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
  }
}
