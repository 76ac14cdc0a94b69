package dev.scrutineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.AuditReport.Trend;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewState;
import dev.scrutineer.model.RiskTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the rubber-stamp rule and of the trends. */
class AuditProperties {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Property
  void moreLinesOrMoreRiskNeverShrinkTheAllowance(
      @ForAll @IntRange(min = 0, max = 100_000) int lines,
      @ForAll @IntRange(min = 0, max = 10_000) int more,
      @ForAll RiskTier tier,
      @ForAll RiskTier higher) {
    Optional<RiskTier> a = Optional.of(tier);
    Optional<RiskTier> b = Optional.of(tier.max(higher));
    assertThat(RubberStampRule.allowanceMinutes(lines + more, b))
        .isGreaterThanOrEqualTo(RubberStampRule.allowanceMinutes(lines, a));
    assertThat(RubberStampRule.allowanceMinutes(lines, Optional.empty()))
        .isEqualTo(RubberStampRule.allowanceMinutes(lines, Optional.of(RiskTier.LOW)))
        .isGreaterThanOrEqualTo(RubberStampRule.FLOOR_MINUTES);
  }

  @Property
  void aFlagAtSomeRiskStaysAtEveryHigherRiskAndAnyCommentClearsIt(
      @ForAll @IntRange(min = 0, max = 5000) int lines,
      @ForAll @IntRange(min = 0, max = 600) int minutes,
      @ForAll RiskTier tier,
      @ForAll RiskTier higher,
      @ForAll @IntRange(min = 1, max = 20) int comments) {
    Instant approved = T0.plusSeconds(minutes * 60L);
    Optional<String> flag = RubberStampRule.check(T0, approved, lines, Optional.of(tier), 0);
    if (flag.isPresent()) {
      assertThat(RubberStampRule.check(T0, approved, lines, Optional.of(tier.max(higher)), 0))
          .isPresent();
      assertThat(minutes)
          .isLessThan((int) Math.ceil(RubberStampRule.allowanceMinutes(lines, Optional.of(tier))));
    }
    assertThat(RubberStampRule.check(T0, approved, lines, Optional.of(tier), comments)).isEmpty();
  }

  @Property
  void trendsAccountForEveryChangeAndLineExactlyOnce(@ForAll("changes") List<Audit.Input> inputs) {
    AuditReport report = Audit.of("pr-export", List.of(), inputs);

    assertThat(report.changes()).hasSameSizeAs(inputs);
    assertThat(report.trends().stream().mapToInt(Trend::changes).sum()).isEqualTo(inputs.size());
    assertThat(report.trends().stream().mapToInt(Trend::linesChanged).sum())
        .isEqualTo(inputs.stream().mapToInt(Audit.Input::linesChanged).sum());
    assertThat(report.changes())
        .isSortedAccordingTo((x, y) -> x.mergedAt().compareTo(y.mergedAt()));
  }

  @Provide
  Arbitrary<List<Audit.Input>> changes() {
    Arbitrary<Audit.Input> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 400 * 24 * 60),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(-1, 3000),
                Arbitraries.of(AiLevel.class),
                Arbitraries.of(RiskTier.class).optional())
            .as(
                (openedMinute, lines, approvalMinute, ai, tier) -> {
                  Instant opened = T0.plusSeconds(openedMinute * 60L);
                  List<Review> reviews = new ArrayList<>();
                  if (approvalMinute >= 0) {
                    reviews.add(
                        new Review(
                            "rev",
                            "User",
                            ReviewState.APPROVED,
                            "",
                            Optional.of(opened.plusSeconds(approvalMinute * 60L)),
                            false));
                  }
                  MergedChange change =
                      new MergedChange(
                          Optional.empty(),
                          "c",
                          "author",
                          opened,
                          opened.plusSeconds(4000 * 60L),
                          Optional.empty(),
                          Optional.empty(),
                          lines,
                          0,
                          1,
                          approvalMinute == -1 ? Optional.empty() : Optional.of(reviews),
                          Optional.of(0),
                          List.of(),
                          Optional.empty());
                  return new Audit.Input(change, lines, 1, ai, tier);
                });
    return one.list().ofMaxSize(30);
  }

  static Commit commit(Instant when) {
    Person ada = new Person("Ada", "ada@example.com");
    return new Commit("c", List.of(), ada, when, ada, when, "m", List.of(), -1, -1);
  }
}
