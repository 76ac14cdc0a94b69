package com.acme.shop.jobs;

import com.acme.shop.order.OrderService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Places orders that arrive on the "orders" topic as "customer,cents". */
@Component
public class OrderEventsListener {
  private final OrderService orders;

  public OrderEventsListener(OrderService orders) {
    this.orders = orders;
  }

  @KafkaListener(topics = "orders", groupId = "shop")
  public void onMessage(String payload) {
    String[] parts = payload.split(",");
    orders.place(parts[0], Long.parseLong(parts[1]));
  }
}
