package dev.scrutineer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How merged changes were reviewed: one row per change, the rubber-stamp rule that flagged some of
 * them, and monthly trends of velocity against scrutiny.
 *
 * @param source {@code pr-export} when review data came from an export, {@code git} when only the
 *     history was there
 * @param notes what limits the audit, said at the top of every format
 * @param rubberStampRule the rule, in words, that flags approvals
 * @param changes oldest merge first
 * @param trends by month, then not AI-assisted before AI-assisted
 */
public record AuditReport(
    String source,
    List<String> notes,
    String rubberStampRule,
    List<AuditedChange> changes,
    List<Trend> trends) {
  public AuditReport {
    Objects.requireNonNull(source, "source");
    notes = List.copyOf(notes);
    Objects.requireNonNull(rubberStampRule, "rubberStampRule");
    changes = List.copyOf(changes);
    trends = List.copyOf(trends);
  }

  /**
   * One merged change as a reviewer audits it. Times are minutes; an empty value means the source
   * does not say.
   *
   * @param tier the risk tier, when a risk model scored the change
   * @param minutesToFirstReview from opening to the first review by a person other than the author
   * @param minutesToApproval from opening to the first approval by such a person
   * @param approvers people who approved; bots never count
   * @param rubberStamp why the approval looks like a rubber stamp, when it does
   */
  public record AuditedChange(
      Optional<Integer> number,
      String title,
      String author,
      Instant mergedAt,
      Optional<String> mergeCommit,
      int linesChanged,
      int filesChanged,
      Optional<RiskTier> tier,
      AiLevel aiLevel,
      Optional<Double> minutesToFirstReview,
      Optional<Double> minutesToApproval,
      Optional<Integer> reviewComments,
      List<String> approvers,
      Optional<String> rubberStamp) {
    public AuditedChange {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(mergedAt, "mergedAt");
      Objects.requireNonNull(mergeCommit, "mergeCommit");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(aiLevel, "aiLevel");
      Objects.requireNonNull(minutesToFirstReview, "minutesToFirstReview");
      Objects.requireNonNull(minutesToApproval, "minutesToApproval");
      Objects.requireNonNull(reviewComments, "reviewComments");
      approvers = List.copyOf(approvers);
      Objects.requireNonNull(rubberStamp, "rubberStamp");
    }
  }

  /**
   * One month's velocity and scrutiny, for AI-assisted changes or for the others.
   *
   * @param month {@code yyyy-MM}, in UTC, of the merge
   * @param reviewMinutesPer100Lines the median over approved changes of minutes to approval per 100
   *     changed lines; empty when no change of the month has review data
   * @param commentsPerChange the mean over changes with review data
   */
  public record Trend(
      String month,
      boolean aiAssisted,
      int changes,
      int linesChanged,
      Optional<Double> reviewMinutesPer100Lines,
      Optional<Double> commentsPerChange) {
    public Trend {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(reviewMinutesPer100Lines, "reviewMinutesPer100Lines");
      Objects.requireNonNull(commentsPerChange, "commentsPerChange");
    }
  }
}
