package dev.scrutineer.risk;

import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.InputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Fits on the older part of a history and judges the fit, and two size baselines, on the newer
 * part.
 *
 * <p>Time-aware labels: a training commit counts as bug-inducing only when a fix made before the
 * split says so, as a calibration run at the split could have known; test commits are labelled by
 * every fix found, the most complete answer there is. Features come only from before each commit.
 */
public final class Backtester {
  /** Fewer than this many bug-inducing or clean training changes cannot support a fit. */
  static final int MIN_PER_CLASS = 5;

  private Backtester() {}

  /** The report and the fitted model, to save for {@code analyze}. */
  public record Outcome(Backtest report, RiskModel model) {}

  /** The first commit time at or after which {@code fraction} of the commits lie before it. */
  public static Instant splitAt(List<Sample> samples, double fraction) {
    if (samples.isEmpty()) {
      throw new InputException("the repository has no commits in the range; nothing to backtest");
    }
    List<Instant> times = samples.stream().map(Sample::time).sorted().toList();
    int index = Math.min(times.size() - 1, (int) Math.floor(fraction * times.size()));
    return times.get(index);
  }

  public static Outcome run(
      String repository, List<Sample> samples, List<Label> labels, int fixes, Instant split) {
    List<Sample> ordered =
        samples.stream()
            .sorted(Comparator.comparing(Sample::time).thenComparing(Sample::commitId))
            .toList();
    List<Sample> train = ordered.stream().filter(s -> s.time().isBefore(split)).toList();
    List<Sample> test = ordered.stream().filter(s -> !s.time().isBefore(split)).toList();
    Set<String> knownAtSplit = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (Label label : labels) {
      all.add(label.inducingId());
      if (label.fixTime().isBefore(split)) {
        knownAtSplit.add(label.inducingId());
      }
    }
    long trainBuggy = train.stream().filter(s -> knownAtSplit.contains(s.commitId())).count();
    if (trainBuggy < MIN_PER_CLASS || train.size() - trainBuggy < MIN_PER_CLASS) {
      throw new InputException(
          String.format(
              Locale.ROOT,
              "too little history to fit before the split %s: %d commits, %d of them"
                  + " bug-inducing by fixes made before it (at least %d of each class needed);"
                  + " use a longer range or a later --split",
              day(split),
              train.size(),
              trainBuggy,
              MIN_PER_CLASS));
    }
    if (test.isEmpty()) {
      throw new InputException(
          "no commits on or after the split " + day(split) + "; use an earlier --split");
    }
    RiskModel fitted = Calibration.fit(train, knownAtSplit, "calibrating");
    Backtest.Evaluation model =
        Metrics.evaluate("model", ranked(test, all, s -> fitted.logit(s.values())));
    Backtest.Evaluation linesAdded =
        Metrics.evaluate(
            "lines added only", ranked(test, all, s -> s.values().getOrDefault("la", 0.0)));
    Backtest.Evaluation smallestFirst =
        Metrics.evaluate("smallest change first", ranked(test, all, s -> -s.effort()));
    long testBuggy = test.stream().filter(s -> all.contains(s.commitId())).count();
    String provenance =
        String.format(
            Locale.ROOT,
            "calibrated on %s %s..%s, %d commits, test AUC %.2f",
            repository,
            day(ordered.get(0).time()),
            day(split),
            train.size(),
            model.auc());
    RiskModel calibrated =
        new RiskModel(
            fitted.version(), provenance, fitted.intercept(), fitted.terms(), fitted.tiers());
    List<Backtest.Weight> weights =
        calibrated.terms().stream()
            .filter(t -> DefaultModel.HISTORY.contains(t.id()))
            .map(t -> new Backtest.Weight(t.id(), t.weight()))
            .sorted(
                Comparator.comparingDouble((Backtest.Weight w) -> -w.weight())
                    .thenComparing(Backtest.Weight::id))
            .toList();
    Backtest report =
        new Backtest(
            repository,
            ordered.get(0).time(),
            split,
            ordered.get(ordered.size() - 1).time(),
            train.size(),
            test.size(),
            fixes,
            (int) trainBuggy,
            (int) testBuggy,
            List.of(model, linesAdded, smallestFirst),
            weights,
            provenance,
            Optional.empty());
    return new Outcome(report, calibrated);
  }

  private static List<Ranked> ranked(
      List<Sample> test, Set<String> buggy, ToDoubleFunction<Sample> score) {
    return test.stream()
        .map(s -> new Ranked(score.applyAsDouble(s), buggy.contains(s.commitId()), s.effort()))
        .toList();
  }

  static String day(Instant time) {
    return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
