package dev.scrutineer.risk;

import dev.scrutineer.model.Backtest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a ranking puts bug-inducing changes first. Changes with equal scores keep the order they
 * are given in (commit time, oldest first), so every figure is deterministic.
 */
final class Metrics {
  private static final double TWENTY_PERCENT = 0.2;

  private Metrics() {}

  static Backtest.Evaluation evaluate(String name, List<Ranked> changes) {
    List<Ranked> ranked = new ArrayList<>(changes);
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    List<Double> capture = new ArrayList<>();
    for (double share : Backtest.CAPTURE_SHARES) {
      capture.add(capture(ranked, share));
    }
    return new Backtest.Evaluation(
        name,
        auc(changes),
        capture,
        recallAtEffort(ranked, TWENTY_PERCENT),
        effortAtRecall(ranked, TWENTY_PERCENT),
        popt(ranked));
  }

  /** The Mann-Whitney statistic: the chance a bug-inducing change outranks a clean one. */
  static double auc(List<Ranked> changes) {
    int n = changes.size();
    List<Ranked> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingDouble(Ranked::score));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && sorted.get(j + 1).score() == sorted.get(i).score()) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (sorted.get(k).buggy()) {
          rankSum += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The share of all bug-inducing changes among the first {@code share} of changes. */
  static double capture(List<Ranked> ranked, double share) {
    long total = ranked.stream().filter(Ranked::buggy).count();
    if (total == 0) {
      return Double.NaN;
    }
    int top = (int) Math.ceil(share * ranked.size());
    long found = ranked.subList(0, top).stream().filter(Ranked::buggy).count();
    return (double) found / total;
  }

  /** Recall after reading changes in order while the lines read stay within the budget. */
  static double recallAtEffort(List<Ranked> ranked, double budget) {
    double totalEffort = ranked.stream().mapToDouble(Ranked::effort).sum();
    long total = ranked.stream().filter(Ranked::buggy).count();
    if (total == 0 || totalEffort == 0) {
      return Double.NaN;
    }
    double spent = 0;
    long found = 0;
    for (Ranked change : ranked) {
      spent += change.effort();
      if (spent > budget * totalEffort) {
        break;
      }
      found += change.buggy() ? 1 : 0;
    }
    return (double) found / total;
  }

  /** The share of lines read, in order, until the target share of bug-inducing changes is found. */
  static double effortAtRecall(List<Ranked> ranked, double target) {
    double totalEffort = ranked.stream().mapToDouble(Ranked::effort).sum();
    long total = ranked.stream().filter(Ranked::buggy).count();
    if (total == 0 || totalEffort == 0) {
      return Double.NaN;
    }
    double spent = 0;
    long found = 0;
    for (Ranked change : ranked) {
      spent += change.effort();
      found += change.buggy() ? 1 : 0;
      if (found >= target * total) {
        break;
      }
    }
    return spent / totalEffort;
  }

  /**
   * {@code 1 - (area(optimal) - area(model)) / (area(optimal) - area(worst))}, the areas under the
   * curves of recall against the share of lines read. The optimal ranking reads bug-inducing
   * changes first, smallest first; the worst reads clean changes first and then bug-inducing ones,
   * largest first.
   */
  static double popt(List<Ranked> ranked) {
    List<Ranked> optimal = new ArrayList<>(ranked);
    optimal.sort(
        Comparator.comparing((Ranked r) -> !r.buggy()).thenComparingDouble(Ranked::effort));
    List<Ranked> worst = new ArrayList<>(ranked);
    worst.sort(
        Comparator.comparing(Ranked::buggy)
            .thenComparing(Comparator.comparingDouble(Ranked::effort).reversed()));
    double best = area(optimal);
    double bad = area(worst);
    if (Double.isNaN(best) || best == bad) {
      return Double.NaN;
    }
    return 1 - (best - area(ranked)) / (best - bad);
  }

  /** Trapezoids under recall (y) against the share of lines read (x), from (0, 0). */
  static double area(List<Ranked> ranked) {
    double totalEffort = ranked.stream().mapToDouble(Ranked::effort).sum();
    long total = ranked.stream().filter(Ranked::buggy).count();
    if (total == 0 || totalEffort == 0) {
      return Double.NaN;
    }
    double area = 0;
    double x = 0;
    double y = 0;
    for (Ranked change : ranked) {
      double nextX = x + change.effort() / totalEffort;
      double nextY = y + (change.buggy() ? 1.0 / total : 0);
      area += (nextX - x) * (y + nextY) / 2;
      x = nextX;
      y = nextY;
    }
    return area;
  }
}
