package dev.scrutineer.audit;

import dev.scrutineer.model.RiskTier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An approval is a rubber stamp when it came faster than the change's size and risk allow anyone to
 * read it, and nobody wrote a single comment. The allowance grows with the changed lines and with
 * the tier; a change the risk model did not score gets the lowest tier's, so only clear cases flag.
 */
final class RubberStampRule {
  static final int FLOOR_MINUTES = 5;

  private RubberStampRule() {}

  /** Minutes of reading per 100 changed lines a tier asks for. */
  static int minutesPer100Lines(Optional<RiskTier> tier) {
    return switch (tier.orElse(RiskTier.LOW)) {
      case LOW -> 2;
      case MEDIUM -> 5;
      case HIGH -> 10;
      case CRITICAL -> 20;
    };
  }

  static double allowanceMinutes(int linesChanged, Optional<RiskTier> tier) {
    return Math.max(FLOOR_MINUTES, minutesPer100Lines(tier) * linesChanged / 100.0);
  }

  static String describe() {
    return "an approval is flagged as a rubber stamp when it came within max("
        + FLOOR_MINUTES
        + " min, k min per 100 changed lines) of the later of the pull request's opening and its"
        + " last commit before the approval, with no review comment; k is 2 for low risk, 5 for"
        + " medium, 10 for high, 20 for critical, and 2 when the change has no risk tier";
  }

  /** Why this approval is a rubber stamp, or empty when it is not (or cannot be told). */
  static Optional<String> check(
      Instant readyAt,
      Instant approvedAt,
      int linesChanged,
      Optional<RiskTier> tier,
      int comments) {
    if (comments > 0) {
      return Optional.empty();
    }
    double minutes = Math.max(0, Duration.between(readyAt, approvedAt).toSeconds() / 60.0);
    double allowed = allowanceMinutes(linesChanged, tier);
    if (minutes >= allowed) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            java.util.Locale.ROOT,
            "approved %.0f min after it was ready, %d lines at %s risk allow %.0f min; no review"
                + " comment",
            minutes,
            linesChanged,
            tier.map(RiskTier::id).orElse("unscored (low)"),
            allowed));
  }
}
