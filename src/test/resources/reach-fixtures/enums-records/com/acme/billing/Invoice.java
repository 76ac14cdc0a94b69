package com.acme.billing;

/** A record with a compact constructor, an explicit accessor and a static factory. */
public record Invoice(String customer, Plan plan, long amount) {
  public Invoice {
    Validation.requireNonBlank(customer);
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount");
    }
  }

  public static Invoice of(String customer, Plan plan, int users) {
    return new Invoice(customer, plan, plan.price(users));
  }

  @Override
  public String customer() {
    return customer.trim();
  }
}
