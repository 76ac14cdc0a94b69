package com.acme.shop.order;

import java.util.List;

/** What the web layer, jobs and listeners may do with orders. */
public interface OrderService {
  Order get(long id);

  List<Order> search(String customer);

  Order place(String customer, long totalCents);

  int expireStale();
}
