package org.junit.jupiter.api;

import java.util.Objects;

/** A stub of JUnit's assertions. */
public final class Assertions {
  private Assertions() {}

  public static void assertEquals(Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError("expected " + expected + " but was " + actual);
    }
  }

  public static void assertTrue(boolean condition) {
    if (!condition) {
      throw new AssertionError("expected true");
    }
  }
}
