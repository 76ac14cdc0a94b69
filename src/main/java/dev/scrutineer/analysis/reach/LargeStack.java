package dev.scrutineer.analysis.reach;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * Runs work on a thread with a stack of its own size: javac's parser and the tree walks recurse
 * once per level of nesting, and generated code nests deeper than a default stack allows.
 */
public final class LargeStack {
  private LargeStack() {}

  /** The result of {@code work}, run on a daemon thread named {@code name} with that much stack. */
  public static <T> T run(String name, long stackBytes, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(null, task, name, stackBytes);
    thread.setDaemon(true);
    thread.start();
    try {
      return Tasks.await(task, "running " + name);
    } finally {
      if (Thread.currentThread().isInterrupted()) {
        thread.interrupt(); // the wait was given up: so is the work
      }
    }
  }
}
