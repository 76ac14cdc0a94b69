package com.acme.shapes;

/** A concrete shape, scalable without implementing Scalable. */
public class Rectangle extends AbstractShape {
  private final double width;
  private final double height;

  public Rectangle(double width, double height) {
    this.width = width;
    this.height = height;
  }

  @Override
  public double area() {
    return width * height;
  }

  @Override
  protected double[] dimensions() {
    return new double[] {width, height};
  }

  @Override
  public String name() {
    return "rectangle (" + super.name() + ")";
  }

  public Shape scale(double factor) {
    return new Rectangle(width * factor, height * factor);
  }
}
