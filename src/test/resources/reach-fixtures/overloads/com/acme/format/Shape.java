package com.acme.format;

public interface Shape {
  String name();
}
