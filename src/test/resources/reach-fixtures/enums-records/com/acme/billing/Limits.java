package com.acme.billing;

/** Constants javac inlines, and one it cannot. */
public final class Limits {
  public static final int MAX_USERS = 500;
  public static final long PRICE_PER_USER = 12;
  public static final long STARTED = System.currentTimeMillis();

  private Limits() {}
}
