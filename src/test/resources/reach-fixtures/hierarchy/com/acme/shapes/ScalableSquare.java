package com.acme.shapes;

/** Implements Scalable with the scale(double) it inherits from Square (through its bridge). */
public class ScalableSquare extends Square implements Scalable {
  public ScalableSquare(double side) {
    super(side);
  }
}
