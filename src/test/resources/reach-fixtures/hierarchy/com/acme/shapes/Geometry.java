package com.acme.shapes;

/** Static helpers. */
public final class Geometry {
  private Geometry() {}

  public static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
