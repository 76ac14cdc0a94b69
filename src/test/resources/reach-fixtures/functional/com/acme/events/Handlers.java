package com.acme.events;

/** Targets of static, bound and unbound method references. */
public class Handlers {
  private int count;

  public static void audit(Event event) {
    System.out.println("audit " + event.type());
  }

  public void count(Event event) {
    count += event.weight();
  }

  public int total() {
    return count;
  }

  public static boolean heavy(Event event) {
    return event.weight() > 10;
  }
}
