package com.acme.shapes;

/** Implemented by ScalableSquare through a method it inherits from Rectangle. */
public interface Scalable {
  Shape scale(double factor);
}
