package com.acme.shop.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

/** Keeps orders; the SQL it would run is in constants. */
@Repository
public class JdbcOrderRepository implements OrderRepository {
  static final String FIND_BY_ID = "select * from orders where id = ?";
  static final String FIND_BY_CUSTOMER = "select * from orders where customer = ?";

  private final Map<Long, Order> rows = new ConcurrentHashMap<>();
  private final List<String> statements = new ArrayList<>();

  @Override
  public Optional<Order> findById(long id) {
    statements.add(FIND_BY_ID);
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public List<Order> findByCustomer(String customer) {
    statements.add(FIND_BY_CUSTOMER);
    List<Order> found = new ArrayList<>();
    for (Order order : rows.values()) {
      if (order.customer().equals(customer)) {
        found.add(order);
      }
    }
    return found;
  }

  @Override
  public void save(Order order) {
    rows.put(order.id(), order);
  }

  @Override
  public int deleteOlderThan(long id) {
    int before = rows.size();
    rows.keySet().removeIf(key -> key < id);
    return before - rows.size();
  }
}
