package com.acme.shop.order;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The one implementation of OrderService. */
@Service
public class DefaultOrderService implements OrderService {
  private final OrderRepository repository;
  private final PriceCalculator prices;
  private final AtomicLong ids = new AtomicLong();

  @Autowired
  public DefaultOrderService(OrderRepository repository, PriceCalculator prices) {
    this.repository = repository;
    this.prices = prices;
  }

  @Override
  public Order get(long id) {
    return repository.findById(id).orElseThrow(() -> new NoSuchElementException("order " + id));
  }

  @Override
  public List<Order> search(String customer) {
    return repository.findByCustomer(customer.trim());
  }

  @Override
  public Order place(String customer, long totalCents) {
    Order order = new Order(ids.incrementAndGet(), customer, prices.withTax(totalCents));
    repository.save(order);
    return order;
  }

  @Override
  public int expireStale() {
    return repository.deleteOlderThan(ids.get() - 1000);
  }
}
