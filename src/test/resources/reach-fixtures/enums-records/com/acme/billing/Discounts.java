package com.acme.billing;

/** Static helpers used by an enum constant body. */
public final class Discounts {
  private Discounts() {}

  public static long volume(long price, int users) {
    return users > 100 ? price * 9 / 10 : price;
  }
}
