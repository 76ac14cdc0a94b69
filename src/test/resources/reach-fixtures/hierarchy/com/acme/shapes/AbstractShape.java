package com.acme.shapes;

/** Implements name() for every shape and leaves the dimensions to subclasses. */
public abstract class AbstractShape implements Shape {
  protected abstract double[] dimensions();

  @Override
  public String name() {
    return "shape";
  }

  public double perimeter() {
    double sum = 0;
    for (double side : dimensions()) {
      sum += side;
    }
    return 2 * sum;
  }
}
