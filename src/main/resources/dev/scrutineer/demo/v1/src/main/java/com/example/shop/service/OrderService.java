package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.repository.OrderRepository;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

@Service
public class OrderService {
  private final OrderRepository repository;

  public OrderService(OrderRepository repository) {
    this.repository = repository;
  }

  public Order find(long id) {
    return repository.findById(id).orElseThrow(() -> new NoSuchElementException("order " + id));
  }

  public Order place(Order order) {
    if (order.total().signum() <= 0) {
      throw new IllegalArgumentException("an order needs a positive total");
    }
    return repository.insert(order);
  }
}
