package com.acme.events;

import java.util.function.Supplier;

/** A type of the code base behind a JDK interface, reached through a reference to its method. */
public class Cached implements Supplier<Integer> {
  private final int value;

  public Cached(int value) {
    this.value = value;
  }

  @Override
  public Integer get() {
    return value;
  }
}
