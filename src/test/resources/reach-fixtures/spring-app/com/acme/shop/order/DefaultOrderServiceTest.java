package com.acme.shop.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests the service through its interface, as callers do. */
class DefaultOrderServiceTest {
  private final OrderService service =
      new DefaultOrderService(new JdbcOrderRepository(), new PriceCalculator());

  @Test
  void placesAndFindsAnOrder() {
    Order placed = service.place("ada", 1000);
    assertEquals(placed, service.get(placed.id()));
  }

  @Test
  void searchesByCustomer() {
    service.place("ada", 1000);
    assertTrue(service.search(" ada ").size() == 1);
  }

  @Test
  void addsTax() {
    assertEquals(1200L, new PriceCalculator().withTax(1000));
  }
}
