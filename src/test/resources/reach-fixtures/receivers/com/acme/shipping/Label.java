package com.acme.shipping;

/** Label formats, one instance each behind a constant: calls go through the constant's type. */
public abstract class Label {
  public static final Label PLAIN = new PlainLabel();
  public static final Label BOXED = new BoxedLabel();

  public abstract String render(String text);

  public String renderAll(Parcel parcel) {
    StringBuilder out = new StringBuilder();
    for (Item item : parcel) {
      out.append(render(item.name()));
    }
    return out.toString();
  }

  static final class PlainLabel extends Label {
    @Override
    public String render(String text) {
      return text;
    }
  }

  static final class BoxedLabel extends Label {
    @Override
    public String render(String text) {
      return "[" + text + "]";
    }
  }
}
