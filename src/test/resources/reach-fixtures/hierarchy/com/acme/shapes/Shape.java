package com.acme.shapes;

/** The root of the hierarchy: abstract, default and static interface methods. */
public interface Shape {
  double area();

  String name();

  default String describe() {
    return name() + " of area " + Geometry.round(area());
  }

  static Shape unit() {
    return new Square(1);
  }
}
