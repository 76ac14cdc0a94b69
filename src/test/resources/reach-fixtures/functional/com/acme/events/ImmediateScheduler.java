package com.acme.events;

/** Runs a task at once, through Runnable.run(). */
public class ImmediateScheduler implements Scheduler {
  @Override
  public void submit(Runnable task) {
    task.run();
  }
}
