package com.acme.shapes;

import java.util.ArrayList;
import java.util.List;

/** Calls through the interface, the abstract class and the concrete classes. */
public class Drawing {
  private final List<Shape> shapes = new ArrayList<>();

  public void add(Shape shape) {
    shapes.add(shape);
  }

  public double totalArea() {
    double total = 0;
    for (Shape shape : shapes) {
      total += shape.area();
    }
    return total;
  }

  public String summary() {
    StringBuilder out = new StringBuilder();
    for (Shape shape : shapes) {
      out.append(shape.describe()).append('\n');
    }
    return out.toString();
  }

  public double fence(AbstractShape shape) {
    return shape.perimeter();
  }

  public Shape grow(Scalable shape) {
    return shape.scale(2);
  }

  public Shape stretch(Rectangle rectangle) {
    return rectangle.scale(3);
  }

  public Square doubled(Square square) {
    return square.scale(2);
  }

  public int best(Ranker<Shape> ranker) {
    int best = 0;
    for (Shape shape : shapes) {
      best = Math.max(best, ranker.rank(shape));
    }
    return best;
  }

  public static Drawing sample() {
    Drawing drawing = new Drawing();
    drawing.add(Shape.unit());
    drawing.add(new Circle(1));
    return drawing;
  }
}
