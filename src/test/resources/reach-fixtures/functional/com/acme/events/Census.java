package com.acme.events;

/** Counts events too, under the same method name; no lambda of {@link Report} calls it. */
public class Census {
  private int seen;

  public void count(Event event) {
    seen += event.weight();
  }

  public int seen() {
    return seen;
  }
}
