package dev.scrutineer.model;

/**
 * Told how far a long task has got, so a front end can draw a progress bar. Called from any thread,
 * often; an implementation should be cheap and thread-safe.
 */
@FunctionalInterface
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (task, done, total) -> {};

  /**
   * @param task what is being done, such as "mining history"
   * @param done units finished so far
   * @param total units in all
   */
  void update(String task, int done, int total);
}
