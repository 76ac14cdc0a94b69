package com.acme.shapes;

/** A shape that relies on the inherited name() and describe(). */
public class Circle extends AbstractShape {
  private final double radius;

  public Circle(double radius) {
    this.radius = radius;
  }

  @Override
  public double area() {
    return Math.PI * radius * radius;
  }

  @Override
  protected double[] dimensions() {
    return new double[] {Math.PI * radius};
  }
}
