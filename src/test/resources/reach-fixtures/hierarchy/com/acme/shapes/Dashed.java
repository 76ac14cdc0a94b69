package com.acme.shapes;

/** A top-level stroke that extends a member type, named through the class declaring it. */
public class Dashed extends Strokes.Solid {
  @Override
  public String draw(int width) {
    return "- ".repeat(width);
  }
}
