package dev.scrutineer.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scrutineer.model.Backtest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  /** Four changes worked by hand: 100 lines in all, A and C bug-inducing. */
  private static final List<Ranked> FOUR =
      List.of(
          new Ranked(0.9, true, 10), // A
          new Ranked(0.8, false, 30), // B
          new Ranked(0.7, true, 20), // C
          new Ranked(0.6, false, 40)); // D

  @Test
  void aucCountsPairsWhereABugInducingChangeOutranksACleanOne() {
    // A beats B and D, C beats D only: 3 of 4 pairs.
    assertThat(Metrics.auc(FOUR)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void tiedScoresCountHalf() {
    assertThat(Metrics.auc(List.of(new Ranked(1, true, 1), new Ranked(1, false, 1))))
        .isEqualTo(0.5);
    assertThat(
            Metrics.auc(
                List.of(
                    new Ranked(2, true, 1),
                    new Ranked(1, true, 1),
                    new Ranked(1, false, 1),
                    new Ranked(0, false, 1))))
        .isCloseTo(7 / 8.0, within(1e-12));
  }

  @Test
  void aucIsUndefinedWithOneClass() {
    assertThat(Metrics.auc(List.of(new Ranked(1, true, 1)))).isNaN();
  }

  @Test
  void evaluationMatchesTheHandComputedFigures() {
    Backtest.Evaluation e =
        Metrics.evaluate("model", List.of(FOUR.get(3), FOUR.get(1), FOUR.get(0), FOUR.get(2)));
    // Top 5% and 10% round up to one change (A), top 20% to one, top 50% to two (A, B).
    assertThat(e.capture()).containsExactly(0.5, 0.5, 0.5, 0.5);
    // 20 lines of budget: A (10) fits, B (30 more) does not.
    assertThat(e.recallAt20Effort()).isEqualTo(0.5);
    // 20% of two bug-inducing changes is found with A: 10 of 100 lines.
    assertThat(e.effortAt20Recall()).isCloseTo(0.1, within(1e-12));
    // Areas: model 0.725, optimal (A, C, B, D) 0.875, worst (D, B, C, A) 0.125.
    assertThat(Metrics.area(FOUR)).isCloseTo(0.725, within(1e-12));
    assertThat(e.popt()).isCloseTo(1 - 0.15 / 0.75, within(1e-12));
  }

  @Test
  void optimalRankingHasPoptOneAndWorstZero() {
    List<Ranked> optimal =
        List.of(
            new Ranked(4, true, 10),
            new Ranked(3, true, 20),
            new Ranked(2, false, 30),
            new Ranked(1, false, 40));
    List<Ranked> worst =
        List.of(
            new Ranked(4, false, 40),
            new Ranked(3, false, 30),
            new Ranked(2, true, 20),
            new Ranked(1, true, 10));
    assertThat(Metrics.popt(optimal)).isCloseTo(1, within(1e-12));
    assertThat(Metrics.popt(worst)).isCloseTo(0, within(1e-12));
  }

  @Test
  void captureAtFiftyPercentOfTenChanges() {
    List<Ranked> ten =
        java.util.stream.IntStream.range(0, 10)
            .mapToObj(i -> new Ranked(10 - i, i % 3 == 0, 1))
            .toList();
    // Bug-inducing at ranks 0, 3, 6, 9; the top five hold two of the four.
    assertThat(Metrics.capture(ten, 0.5)).isEqualTo(0.5);
  }
}
