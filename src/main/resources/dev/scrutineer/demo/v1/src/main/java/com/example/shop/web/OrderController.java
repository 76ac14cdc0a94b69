package com.example.shop.web;

import com.example.shop.model.Order;
import com.example.shop.service.OrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {
  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/{id}")
  public Order get(@PathVariable long id) {
    return orders.find(id);
  }

  @PostMapping
  public Order place(@RequestBody Order order) {
    return orders.place(order);
  }
}
