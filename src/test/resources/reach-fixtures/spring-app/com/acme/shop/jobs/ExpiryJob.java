package com.acme.shop.jobs;

import com.acme.shop.order.OrderService;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/** Expires stale orders every minute. */
@Component
public class ExpiryJob {
  private final OrderService orders;

  public ExpiryJob(OrderService orders) {
    this.orders = orders;
  }

  @Scheduled(fixedRate = 60_000)
  public void expire() {
    orders.expireStale();
  }
}
