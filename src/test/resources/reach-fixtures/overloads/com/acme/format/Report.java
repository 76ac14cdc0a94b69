package com.acme.format;

import java.util.List;

public class Report {
  private final Formatter formatter = new Formatter();
  private int count;

  String numbers(byte small) {
    return formatter.show(count) + formatter.show(42L) + formatter.show(1.5) + formatter.show(small);
  }

  String flags() {
    return formatter.show(count > 0) + formatter.show(!isEmpty());
  }

  String texts(Integer boxed) {
    return formatter.show("title " + count) + formatter.show(boxed) + formatter.show((Object) "x");
  }

  String shapes(Circle circle) {
    return formatter.show(circle) + formatter.show(new Circle(2.0));
  }

  String arrays(char[] raw, String[] names) {
    return formatter.show(raw) + formatter.show(names) + formatter.show(new int[] {1, 2});
  }

  String elements(char[] raw, String[] names, Circle... circles) {
    return formatter.show(raw[0]) + formatter.show(names[0]) + formatter.show(circles[0]);
  }

  String joined() {
    return formatter.join(", ", "a", "b") + formatter.join(", ", 1, 2);
  }

  Money money() {
    return new Money(250);
  }

  Money parsed() {
    return new Money("2.50");
  }

  Money copied(Money other) {
    return new Money(other);
  }

  boolean isEmpty() {
    return count == 0;
  }

  String numbered() {
    return formatter.fill(3, i -> "cell " + i);
  }

  String repeated() {
    return formatter.fill(2, () -> "x");
  }

  char[] scratch() {
    return formatter.buffer(16, char[]::new);
  }

  List<String> labels(List<Shape> shapes) {
    return shapes.stream().map(Formatter::label).toList();
  }

  String described() {
    return formatter.each(Formatter::label);
  }
}
