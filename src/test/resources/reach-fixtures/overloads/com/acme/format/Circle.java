package com.acme.format;

public class Circle implements Shape, Comparable<Circle> {
  private final double radius;

  public Circle(double radius) {
    this.radius = radius;
  }

  @Override
  public String name() {
    return "circle";
  }

  @Override
  public int compareTo(Circle other) {
    return Double.compare(radius, other.radius);
  }
}
