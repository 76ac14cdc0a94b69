package dev.scrutineer.audit;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.AuditReport.AuditedChange;
import dev.scrutineer.model.AuditReport.Trend;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.RiskTier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Turns merged changes, with what the analyses say about each, into an audit report. */
public final class Audit {
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private Audit() {}

  /**
   * One merged change and the facts the analyses add to it.
   *
   * @param linesChanged lines added plus deleted
   * @param aiLevel the AI assistance disclosed or detected in the change
   * @param tier the risk tier, when a risk model scored the change
   */
  public record Input(
      MergedChange change,
      int linesChanged,
      int filesChanged,
      AiLevel aiLevel,
      Optional<RiskTier> tier) {
    public Input {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(aiLevel, "aiLevel");
      Objects.requireNonNull(tier, "tier");
    }
  }

  public static AuditReport of(String source, List<String> notes, List<Input> inputs) {
    List<Input> sorted =
        inputs.stream().sorted(Comparator.comparing(i -> i.change().mergedAt())).toList();
    List<AuditedChange> rows = sorted.stream().map(Audit::row).toList();
    return new AuditReport(source, notes, RubberStampRule.describe(), rows, trends(rows));
  }

  private static AuditedChange row(Input input) {
    MergedChange change = input.change();
    List<Review> human =
        change.reviews().orElse(List.of()).stream()
            .filter(r -> r.submittedAt().isPresent())
            .filter(r -> !r.bot() && !r.login().equals(change.author()))
            .sorted(Comparator.comparing(Audit::submitted))
            .toList();
    Optional<Review> first = human.stream().findFirst();
    Optional<Review> approval = human.stream().filter(Review::approval).findFirst();
    Optional<Integer> comments =
        change.reviews().isEmpty() && change.reviewComments().isEmpty()
            ? Optional.empty()
            : Optional.of(
                change.reviewComments().orElse(0)
                    + (int) human.stream().filter(r -> r.hasBody() && !r.approval()).count());
    Optional<String> stamp =
        approval.flatMap(
            a ->
                RubberStampRule.check(
                    readyAt(change, submitted(a)),
                    submitted(a),
                    input.linesChanged(),
                    input.tier(),
                    comments.orElse(0)));
    return new AuditedChange(
        change.number(),
        change.title(),
        change.author(),
        change.mergedAt(),
        change.mergeCommit(),
        input.linesChanged(),
        input.filesChanged(),
        input.tier(),
        input.aiLevel(),
        first.map(r -> minutes(change.openedAt(), submitted(r))),
        approval.map(r -> minutes(change.openedAt(), submitted(r))),
        comments,
        human.stream().filter(Review::approval).map(Review::login).distinct().sorted().toList(),
        stamp);
  }

  private static Instant submitted(Review review) {
    return review.submittedAt().orElseThrow();
  }

  /** The later of the opening and the last commit pushed before the approval. */
  private static Instant readyAt(MergedChange change, Instant approvedAt) {
    Instant ready = change.openedAt();
    for (Commit commit : change.commits()) {
      if (!commit.committedAt().isAfter(approvedAt) && commit.committedAt().isAfter(ready)) {
        ready = commit.committedAt();
      }
    }
    return ready;
  }

  private static double minutes(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds() / 60.0);
  }

  private static List<Trend> trends(List<AuditedChange> rows) {
    Map<String, List<AuditedChange>> groups = new TreeMap<>();
    for (AuditedChange row : rows) {
      boolean ai = row.aiLevel() != AiLevel.NONE;
      groups
          .computeIfAbsent(
              MONTH.format(row.mergedAt()) + (ai ? " 1" : " 0"), k -> new ArrayList<>())
          .add(row);
    }
    List<Trend> trends = new ArrayList<>();
    groups.forEach(
        (key, group) -> {
          List<Double> perHundred =
              group.stream()
                  .filter(r -> r.minutesToApproval().isPresent())
                  .map(r -> r.minutesToApproval().get() * 100.0 / Math.max(1, r.linesChanged()))
                  .sorted()
                  .toList();
          List<Integer> comments =
              group.stream().flatMap(r -> r.reviewComments().stream()).toList();
          trends.add(
              new Trend(
                  key.substring(0, 7),
                  key.endsWith(" 1"),
                  group.size(),
                  group.stream().mapToInt(AuditedChange::linesChanged).sum(),
                  median(perHundred),
                  comments.isEmpty()
                      ? Optional.empty()
                      : Optional.of(
                          comments.stream().mapToInt(Integer::intValue).average().orElse(0))));
        });
    return trends;
  }

  static Optional<Double> median(List<Double> sorted) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int n = sorted.size();
    return Optional.of(
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }
}
