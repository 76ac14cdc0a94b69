package dev.scrutineer.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to backtest.
 *
 * @param repository a work tree or a bare repository; its HEAD's history is read
 * @param since only commits from this time on are scored; older ones still feed their history
 * @param splitAt train on commits before it, test on the rest; empty means by {@code splitFraction}
 * @param splitFraction the share of commits, in time order, to train on when no date is given
 * @param cacheDirectory where mined history and saved models live; empty means the default
 * @param modelFile where to save the fitted model; empty means {@code <cache>/models/<root
 *     commit>.json}, where {@code analyze} looks for it
 * @param save whether to save the fitted model at all
 */
public record BacktestRequest(
    Path repository,
    Optional<Instant> since,
    Optional<Instant> splitAt,
    double splitFraction,
    Optional<Path> cacheDirectory,
    Optional<Path> modelFile,
    boolean save) {
  public BacktestRequest {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(splitAt, "splitAt");
    if (!(splitFraction > 0 && splitFraction < 1)) {
      throw new IllegalArgumentException("split fraction must be within (0, 1): " + splitFraction);
    }
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(modelFile, "modelFile");
  }
}
