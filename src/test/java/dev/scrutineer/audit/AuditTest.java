package dev.scrutineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.AuditReport.AuditedChange;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewState;
import dev.scrutineer.model.RiskTier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTest {
  static final Instant OPENED = Instant.parse("2026-05-04T10:00:00Z");

  @Test
  void botsAndTheAuthorNeverCountAsReviewersOrApprovers() {
    MergedChange change =
        change(
            300,
            List.of(
                review("copilot-pull-request-reviewer[bot]", true, "APPROVED", 1),
                review("ada", false, "APPROVED", 2),
                review("sam", false, "APPROVED", 45)));

    AuditedChange row =
        Audit.of("pr-export", List.of(), List.of(input(change, 300))).changes().get(0);

    assertThat(row.approvers()).containsExactly("sam");
    assertThat(row.minutesToFirstReview()).contains(45.0);
    assertThat(row.rubberStamp()).as("45 min for 300 lines at the low tier's 6 min").isEmpty();
  }

  @Test
  void aFastApprovalWithoutCommentsIsFlaggedWithTheNumbersThatMadeIt() {
    MergedChange change = change(800, List.of(review("sam", false, "APPROVED", 4)));

    AuditedChange row =
        Audit.of("pr-export", List.of(), List.of(input(change, 800, Optional.of(RiskTier.HIGH))))
            .changes()
            .get(0);

    assertThat(row.rubberStamp())
        .contains(
            "approved 4 min after it was ready, 800 lines at high risk allow 80 min; no review"
                + " comment");
  }

  @Test
  void theClockStartsAtTheLastCommitPushedBeforeTheApproval() {
    MergedChange change = change(100, List.of(review("sam", false, "APPROVED", 120)));
    MergedChange pushedLate =
        new MergedChange(
            change.number(),
            change.title(),
            change.author(),
            change.openedAt(),
            change.mergedAt(),
            change.mergeCommit(),
            change.range(),
            50,
            50,
            1,
            change.reviews(),
            change.reviewComments(),
            List.of(AuditProperties.commit(OPENED.plusSeconds(118 * 60))),
            Optional.empty());

    AuditedChange row =
        Audit.of("pr-export", List.of(), List.of(input(pushedLate, 100))).changes().get(0);

    assertThat(row.minutesToApproval()).contains(120.0);
    assertThat(row.rubberStamp()).as("approved 2 min after the last push").isPresent();
  }

  @Test
  void withoutReviewDataEverythingReviewIsUnknownAndNothingIsFlagged() {
    MergedChange change =
        new MergedChange(
            Optional.empty(),
            "t",
            "ada",
            OPENED,
            OPENED.plusSeconds(60),
            Optional.of("abc"),
            Optional.empty(),
            -1,
            -1,
            0,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());

    AuditReport report = Audit.of("git", List.of("no reviews"), List.of(input(change, 10)));

    AuditedChange row = report.changes().get(0);
    assertThat(row.minutesToApproval()).isEmpty();
    assertThat(row.reviewComments()).isEmpty();
    assertThat(row.rubberStamp()).isEmpty();
    assertThat(report.trends().get(0).reviewMinutesPer100Lines()).isEmpty();
    assertThat(report.trends().get(0).commentsPerChange()).isEmpty();
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Audit.median(List.of(1.0, 2.0, 4.0, 9.0))).contains(3.0);
    assertThat(Audit.median(List.of(1.0, 2.0, 4.0))).contains(2.0);
    assertThat(Audit.median(List.of())).isEmpty();
  }

  static MergedChange change(int lines, List<Review> reviews) {
    return new MergedChange(
        Optional.of(1),
        "Change",
        "ada",
        OPENED,
        OPENED.plusSeconds(3 * 3600),
        Optional.empty(),
        Optional.empty(),
        lines / 2,
        lines - lines / 2,
        1,
        Optional.of(reviews),
        Optional.of(0),
        List.of(),
        Optional.empty());
  }

  static Review review(String who, boolean bot, String state, int minutesAfterOpening) {
    return new Review(
        who,
        bot ? "Bot" : "User",
        ReviewState.valueOf(state),
        "",
        Optional.of(OPENED.plusSeconds(minutesAfterOpening * 60L)),
        false);
  }

  static Audit.Input input(MergedChange change, int lines) {
    return input(change, lines, Optional.empty());
  }

  static Audit.Input input(MergedChange change, int lines, Optional<RiskTier> tier) {
    return new Audit.Input(change, lines, 1, AiLevel.NONE, tier);
  }
}
