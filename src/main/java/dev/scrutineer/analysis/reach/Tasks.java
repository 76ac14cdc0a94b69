package dev.scrutineer.analysis.reach;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work another thread does. */
public final class Tasks {
  private Tasks() {}

  /**
   * The result of {@code task}, once there is one. What the task threw is thrown as it was; an
   * interrupt while waiting ends the wait with the thread's interrupt status set again.
   *
   * @param what what the task does, for the message of an interrupted wait: {@code "reading
   *     history"}
   */
  public static <T> T await(Future<T> task, String what) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
