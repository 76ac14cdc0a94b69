package com.acme.events;

/** A plain event; its constructors are used through constructor references. */
public class Event {
  private final String type;
  private final int weight;

  public Event(String type) {
    this(type, 1);
  }

  public Event(String type, int weight) {
    this.type = type;
    this.weight = weight;
  }

  public String type() {
    return type;
  }

  public int weight() {
    return weight;
  }
}
