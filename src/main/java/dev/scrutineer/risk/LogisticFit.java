package dev.scrutineer.risk;

import java.util.Arrays;

/**
 * L2-regularised logistic regression by Newton's method (IRLS), with weights kept non-negative by
 * an active set: a feature whose weight comes out negative is fixed at zero and the rest refitted.
 * Deterministic: the same rows give the same weights, bit for bit.
 *
 * <p>Rows are not reweighted for class imbalance: the score stays an estimate of the probability,
 * and the rank metrics a backtest reports do not depend on the base rate.
 */
final class LogisticFit {
  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-8;

  private LogisticFit() {}

  /**
   * Weights and intercept.
   *
   * @param weights one per column, never negative
   */
  record Result(double intercept, double[] weights) {}

  /**
   * Fits standardised rows.
   *
   * @param x one row per change, one column per feature, already standardised
   * @param y true for a bug-inducing change
   * @param lambda the L2 penalty on the weights (not the intercept)
   */
  static Result fit(double[][] x, boolean[] y, double lambda) {
    int columns = x.length == 0 ? 0 : x[0].length;
    boolean[] free = new boolean[columns];
    Arrays.fill(free, true);
    while (true) {
      double[] beta = newton(x, y, lambda, free);
      boolean changed = false;
      for (int j = 0; j < columns; j++) {
        if (free[j] && beta[j + 1] < 0) {
          free[j] = false;
          changed = true;
        }
      }
      if (!changed) {
        double[] weights = new double[columns];
        for (int j = 0; j < columns; j++) {
          weights[j] = free[j] ? beta[j + 1] : 0;
        }
        return new Result(beta[0], weights);
      }
    }
  }

  /** Newton's method over the intercept and the free columns; fixed columns stay at zero. */
  private static double[] newton(double[][] x, boolean[] y, double lambda, boolean[] free) {
    int p = free.length + 1;
    double[] beta = new double[p];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int i = 0; i < x.length; i++) {
        double eta = beta[0];
        for (int j = 0; j < free.length; j++) {
          eta += beta[j + 1] * x[i][j];
        }
        double mu = RiskModel.sigmoid(eta);
        double residual = (y[i] ? 1 : 0) - mu;
        double w = Math.max(mu * (1 - mu), 1e-10);
        for (int a = 0; a < p; a++) {
          double xa = a == 0 ? 1 : x[i][a - 1];
          gradient[a] += residual * xa;
          for (int b = 0; b <= a; b++) {
            hessian[a][b] += w * xa * (b == 0 ? 1 : x[i][b - 1]);
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
        if (a > 0) {
          gradient[a] -= lambda * beta[a];
          hessian[a][a] += lambda;
        }
        if (a > 0 && !free[a - 1]) {
          // A fixed column: a unit row keeps the system solvable and its step at zero.
          Arrays.fill(hessian[a], 0);
          for (int b = 0; b < p; b++) {
            hessian[b][a] = 0;
          }
          hessian[a][a] = 1;
          gradient[a] = 0;
        }
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < p; a++) {
        beta[a] += step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < TOLERANCE) {
        break;
      }
    }
    return beta;
  }

  /** Gaussian elimination with partial pivoting; the Hessian plus the penalty is positive. */
  static double[] solve(double[][] matrix, double[] rhs) {
    int n = rhs.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = Arrays.copyOf(matrix[i], n + 1);
      a[i][n] = rhs[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double diagonal = a[col][col];
      if (Math.abs(diagonal) < 1e-12) {
        continue;
      }
      for (int row = 0; row < n; row++) {
        if (row != col) {
          double factor = a[row][col] / diagonal;
          for (int k = col; k <= n; k++) {
            a[row][k] -= factor * a[col][k];
          }
        }
      }
    }
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      result[i] = Math.abs(a[i][i]) < 1e-12 ? 0 : a[i][n] / a[i][i];
    }
    return result;
  }
}
