package com.acme.shapes;

/** Overrides with a covariant return type, so javac adds a bridge method. */
public class Square extends Rectangle {
  private final double side;

  public Square(double side) {
    super(side, side);
    this.side = side;
  }

  @Override
  public Square scale(double factor) {
    return new Square(side * factor);
  }

  @Override
  public String describe() {
    return "square, " + Geometry.round(side);
  }
}
