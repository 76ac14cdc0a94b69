package com.example.shop.repository;

import com.example.shop.model.Order;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {
  private static final RowMapper<Order> ROW =
      (rs, n) ->
          new Order(
              rs.getLong("id"),
              rs.getLong("customer_id"),
              rs.getString("status"),
              rs.getBigDecimal("total"),
              rs.getTimestamp("placed_at").toInstant());

  private final JdbcTemplate jdbc;

  public OrderRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Order> findById(long id) {
    return jdbc.query("SELECT * FROM orders WHERE id = ?", ROW, id).stream().findFirst();
  }

  public Order insert(Order order) {
    jdbc.update(
        "INSERT INTO orders (id, customer_id, status, total, placed_at) VALUES (?, ?, ?, ?, ?)",
        order.id(), order.customerId(), order.status(), order.total(), order.placedAt());
    return order;
  }
}
