package com.acme.events;

/** Runs tasks; implementations call Runnable.run(). */
public interface Scheduler {
  void submit(Runnable task);
}
