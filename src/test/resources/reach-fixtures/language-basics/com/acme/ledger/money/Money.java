package com.acme.ledger.money;

/** An amount of money in cents; overloads, constants, static and instance initializers. */
public final class Money {
  public static final String DEFAULT_CURRENCY = "EUR";
  static final int SCALE = 2;
  private static final Money ZERO = new Money(0, DEFAULT_CURRENCY);
  private static int created;

  static {
    Audit.log("money loaded");
  }

  private final long cents;
  private final String currency;

  {
    created++;
  }

  public Money(long cents) {
    this(cents, DEFAULT_CURRENCY);
  }

  public Money(long cents, String currency) {
    this.cents = cents;
    this.currency = currency;
  }

  public static Money zero() {
    return ZERO;
  }

  public static Money of(long cents) {
    return new Money(cents);
  }

  public static Money of(String amount) {
    return of(Amounts.parseCents(amount));
  }

  public static Money of(long cents, String currency) {
    return new Money(cents, currency);
  }

  public Money plus(Money other) {
    return new Money(cents + other.cents, currency);
  }

  public Money plus(long extraCents) {
    return plus(of(extraCents));
  }

  public Money times(int factor) {
    return of(cents * factor, currency);
  }

  public long cents() {
    return cents;
  }

  public String format() {
    return Amounts.decimal(cents, SCALE) + " " + currency;
  }

  public static int created() {
    return created;
  }
}
