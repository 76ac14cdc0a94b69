package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.repository.OrderRepository;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class OrderService {
  private final OrderRepository repository;
  private final int maxResults;

  public OrderService(
      OrderRepository repository, @Value("${shop.orders.search.max-results}") int maxResults) {
    this.repository = repository;
    this.maxResults = maxResults;
  }

  public Order find(long id) {
    return repository.findById(id).orElseThrow(() -> new NoSuchElementException("order " + id));
  }

  public List<Order> search(String customer, String status) {
    return repository.search(customer, status).stream().limit(maxResults).toList();
  }

  public Order place(Order order) {
    if (order.total().signum() <= 0) {
      throw new IllegalArgumentException("an order needs a positive total");
    }
    return repository.insert(order);
  }
}
