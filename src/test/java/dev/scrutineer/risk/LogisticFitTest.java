package dev.scrutineer.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticFitTest {
  @Test
  void recoversTheDirectionOfASeparatingFeatureAndIgnoresNoise() {
    int n = 400;
    double[][] x = new double[n][2];
    boolean[] y = new boolean[n];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextGaussian();
      x[i][1] = random.nextGaussian();
      y[i] = random.nextDouble() < RiskModel.sigmoid(-1 + 1.5 * x[i][0]);
    }
    LogisticFit.Result fit = LogisticFit.fit(x, y, 1.0);
    assertThat(fit.weights()[0]).isCloseTo(1.5, within(0.4));
    assertThat(fit.weights()[1]).isLessThan(0.3);
    assertThat(fit.intercept()).isCloseTo(-1, within(0.4));
  }

  @Test
  void aFeatureThatLowersRiskGetsWeightZeroNotANegativeOne() {
    int n = 200;
    double[][] x = new double[n][1];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = (i % 10) - 4.5;
      y[i] = x[i][0] < 0;
    }
    LogisticFit.Result fit = LogisticFit.fit(x, y, 1.0);
    assertThat(fit.weights()[0]).isZero();
    assertThat(RiskModel.sigmoid(fit.intercept())).isCloseTo(0.5, within(0.01));
  }

  @Test
  void isDeterministic() {
    double[][] x = {{1, 0}, {0, 1}, {2, 1}, {-1, 0}, {0, -2}, {1, 1}};
    boolean[] y = {true, false, true, false, false, true};
    LogisticFit.Result a = LogisticFit.fit(x, y, 1.0);
    LogisticFit.Result b = LogisticFit.fit(x, y, 1.0);
    assertThat(a.weights()).containsExactly(b.weights());
    assertThat(a.intercept()).isEqualTo(b.intercept());
  }
}
