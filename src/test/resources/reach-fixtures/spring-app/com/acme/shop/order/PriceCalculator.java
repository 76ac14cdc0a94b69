package com.acme.shop.order;

import org.springframework.stereotype.Component;

/** Adds tax to a total. */
@Component
public class PriceCalculator {
  static final int TAX_PERCENT = 20;

  public long withTax(long cents) {
    return cents + cents * TAX_PERCENT / 100;
  }
}
