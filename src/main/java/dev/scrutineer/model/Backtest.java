package dev.scrutineer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well risk scores would have ranked a repository's own past changes: fitted on the older part
 * of its history, judged on the newer part against bug-inducing changes found from later fixes.
 *
 * @param repository the repository, as named on the command line
 * @param from the first commit's time in the range
 * @param split train on commits before it, test on commits from it on
 * @param to the last commit's time in the range
 * @param trainCommits commits in the training period
 * @param testCommits commits in the test period
 * @param fixes fix commits found in the whole range
 * @param trainBugInducing training commits labelled bug-inducing by fixes made before the split
 * @param testBugInducing test commits labelled bug-inducing by any fix
 * @param evaluations the model first, then the baselines, on the test period
 * @param weights the fitted model's weights, largest first
 * @param model the fitted model's provenance line
 * @param savedTo where the fitted model was saved, if it was
 */
public record Backtest(
    String repository,
    Instant from,
    Instant split,
    Instant to,
    int trainCommits,
    int testCommits,
    int fixes,
    int trainBugInducing,
    int testBugInducing,
    List<Evaluation> evaluations,
    List<Weight> weights,
    String model,
    Optional<String> savedTo) {
  /** The shares of changes, ranked by score, over which the capture curve is read. */
  public static final List<Double> CAPTURE_SHARES = List.of(0.05, 0.10, 0.20, 0.50);

  public Backtest {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(to, "to");
    evaluations = List.copyOf(evaluations);
    weights = List.copyOf(weights);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(savedTo, "savedTo");
  }

  /** The same backtest, saying where its model was saved. */
  public Backtest withSavedTo(String file) {
    return new Backtest(
        repository,
        from,
        split,
        to,
        trainCommits,
        testCommits,
        fixes,
        trainBugInducing,
        testBugInducing,
        evaluations,
        weights,
        model,
        Optional.of(file));
  }

  /**
   * One ranking judged on the test period; NaN where a figure is undefined (no bug-inducing change,
   * or no effort at all).
   *
   * @param name "model", or the baseline's name
   * @param auc area under the ROC curve, ties counted half
   * @param capture the share of all bug-inducing changes found in the top {@link #CAPTURE_SHARES}
   *     of changes by score
   * @param recallAt20Effort the share of bug-inducing changes found by inspecting changes in score
   *     order until 20% of all changed lines are read
   * @param effortAt20Recall the share of all changed lines read before 20% of bug-inducing changes
   *     are found
   * @param popt effort-aware ranking quality, 1 optimal and 0 worst (Kamei et al. 2013)
   */
  public record Evaluation(
      String name,
      double auc,
      List<Double> capture,
      double recallAt20Effort,
      double effortAt20Recall,
      double popt) {
    public Evaluation {
      Objects.requireNonNull(name, "name");
      capture = List.copyOf(capture);
      if (capture.size() != CAPTURE_SHARES.size()) {
        throw new IllegalArgumentException("one capture figure per share");
      }
    }
  }

  /** A fitted weight: log-odds per standard deviation of the term's input. */
  public record Weight(String id, double weight) {
    public Weight {
      Objects.requireNonNull(id, "id");
    }
  }
}
