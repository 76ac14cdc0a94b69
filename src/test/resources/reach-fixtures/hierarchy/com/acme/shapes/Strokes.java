package com.acme.shapes;

/** Strokes to outline shapes with, as member types of one class. */
public class Strokes {
  /** Draws a line of some width. */
  public interface Stroke {
    String draw(int width);
  }

  /** A thin, solid line. */
  public static class Solid implements Stroke {
    @Override
    public String draw(int width) {
      return "-".repeat(width);
    }
  }

  /** Outlines with a stroke, whichever it is. */
  public static String outline(Stroke stroke) {
    return stroke.draw(2);
  }
}
