package com.acme.shapes;

/** Ranks shapes by area. */
public class AreaRanker implements Ranker<Shape> {
  @Override
  public int rank(Shape shape) {
    return (int) Geometry.round(shape.area());
  }
}
