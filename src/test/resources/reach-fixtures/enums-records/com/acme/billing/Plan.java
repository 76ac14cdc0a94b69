package com.acme.billing;

/** An enum with constant bodies, constructors, fields and methods. */
public enum Plan {
  FREE {
    @Override
    public long price(int users) {
      return 0;
    }
  },
  TEAM(5),
  ENTERPRISE(Limits.MAX_USERS) {
    @Override
    public long price(int users) {
      return Discounts.volume(super.price(users), users);
    }
  };

  private final int seats;

  Plan() {
    this(1);
  }

  Plan(int seats) {
    this.seats = seats;
  }

  public long price(int users) {
    return (long) users * Limits.PRICE_PER_USER;
  }

  public int seats() {
    return seats;
  }

  public boolean isPaid() {
    return this != FREE;
  }

  public static Plan parse(String name) {
    return valueOf(name.toUpperCase());
  }
}
