package com.acme.shop.web;

import com.acme.shop.order.Order;
import com.acme.shop.order.OrderService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP API: GET /orders/{id}, GET /orders?customer=, POST /orders. */
@RestController
@RequestMapping("/orders")
public class OrderController {
  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/{id}")
  public Order get(@PathVariable("id") long id) {
    return orders.get(id);
  }

  @GetMapping
  public List<Order> search(@RequestParam("customer") String customer) {
    return orders.search(customer);
  }

  @PostMapping
  public Order place(@RequestParam("customer") String customer, @RequestParam("total") long total) {
    return orders.place(customer, total);
  }
}
