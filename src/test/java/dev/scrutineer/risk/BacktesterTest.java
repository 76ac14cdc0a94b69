package dev.scrutineer.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.InputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktesterTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** 100 commits a day apart; every fifth is large and bug-inducing, fixed a week later. */
  private static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      double la = i % 5 == 0 ? 200 : 5;
      samples.add(new Sample("c" + i, T0.plus(Duration.ofDays(i)), Map.of("la", la, "ld", 1.0)));
    }
    return samples;
  }

  private static List<Label> labels() {
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < 100; i += 5) {
      labels.add(new Label("c" + i, T0.plus(Duration.ofDays(i + 7))));
    }
    return labels;
  }

  @Test
  void trainingSeesOnlyFixesMadeBeforeTheSplitAndTestingSeesAll() {
    Instant split = Backtester.splitAt(samples(), 0.7);
    assertThat(split).isEqualTo(T0.plus(Duration.ofDays(70)));
    Backtest report = Backtester.run("r", samples(), labels(), 20, split).report();
    assertThat(report.trainCommits()).isEqualTo(70);
    assertThat(report.testCommits()).isEqualTo(30);
    // c0..c60 are fixed by day 67; c65's fix (day 72) comes after the split.
    assertThat(report.trainBugInducing()).isEqualTo(13);
    // c70..c95 are all labelled in the test period, even those fixed after the history ends.
    assertThat(report.testBugInducing()).isEqualTo(6);
    Backtest.Evaluation model = report.evaluations().get(0);
    assertThat(model.auc()).isEqualTo(1.0);
    assertThat(report.weights()).first().extracting(Backtest.Weight::id).isEqualTo("la");
  }

  @Test
  void tooFewLabelsBeforeTheSplitIsAnInputError() {
    Instant early = T0.plus(Duration.ofDays(12));
    assertThatThrownBy(() -> Backtester.run("r", samples(), labels(), 20, early))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("too little history to fit");
  }

  @Test
  void theFittedModelIsCalibratedAndNamesItsOrigin() {
    Backtester.Outcome outcome =
        Backtester.run("repo-x", samples(), labels(), 20, T0.plus(Duration.ofDays(70)));
    RiskModel model = outcome.model();
    assertThat(model.provenance())
        .startsWith("calibrated on repo-x 2024-01-01..2024-03-11, 70 commits, test AUC 1.00");
    assertThat(model.terms()).allMatch(t -> t.weight() >= 0);
    assertThat(model.score(List.of(new Feature("la", 200, "200 lines added"))).score())
        .isGreaterThan(model.score(List.of(new Feature("la", 5, "5 lines added"))).score());
  }
}
