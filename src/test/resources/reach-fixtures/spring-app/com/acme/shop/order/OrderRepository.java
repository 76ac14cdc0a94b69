package com.acme.shop.order;

import java.util.List;
import java.util.Optional;

/** Where orders are kept. */
public interface OrderRepository {
  Optional<Order> findById(long id);

  List<Order> findByCustomer(String customer);

  void save(Order order);

  int deleteOlderThan(long id);
}
