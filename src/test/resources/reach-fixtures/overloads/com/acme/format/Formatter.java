package com.acme.format;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

public class Formatter {
  public String show(int value) {
    return "int " + value;
  }

  public String show(long value) {
    return "long " + value;
  }

  public String show(double value) {
    return "double " + value;
  }

  public String show(boolean value) {
    return value ? "yes" : "no";
  }

  public String show(String value) {
    return "'" + value + "'";
  }

  public String show(Object value) {
    return String.valueOf(value);
  }

  public String show(char[] value) {
    return new String(value);
  }

  public String show(Object[] values) {
    return values.length + " values";
  }

  public String show(Shape shape) {
    return shape.name();
  }

  public String join(String separator, String first, String second) {
    return first + separator + second;
  }

  public String join(String separator, Object... parts) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      out.append(separator).append(part);
    }
    return out.toString();
  }

  public String fill(int size, IntFunction<String> cell) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < size; i++) {
      out.append(cell.apply(i));
    }
    return out.toString();
  }

  public String fill(int size, Supplier<String> cell) {
    return String.valueOf(cell.get()).repeat(size);
  }

  public char[] buffer(int size, IntFunction<char[]> allocate) {
    return allocate.apply(size);
  }

  public char[] buffer(int size, Supplier<char[]> allocate) {
    return allocate.get();
  }

  public static String label(Shape shape) {
    return shape.name();
  }

  public static String label(Shape shape, String suffix) {
    return shape.name() + suffix;
  }

  public String each(Function<Shape, String> describe) {
    return describe.apply(new Circle(1.0));
  }
}
