package com.acme.format;

public final class Money {
  private final long cents;

  public Money(long cents) {
    this.cents = cents;
  }

  public Money(String text) {
    this(Math.round(Double.parseDouble(text) * 100));
  }

  public Money(Money other) {
    this(other.cents);
  }

  public long cents() {
    return cents;
  }
}
