package com.example.shop.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.example.shop.model.Order;
import com.example.shop.repository.OrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
  private final OrderService service = new OrderService(mock(OrderRepository.class));

  @Test
  void refusesOrdersWithoutATotal() {
    Order free = new Order(1, 7, "NEW", BigDecimal.ZERO, Instant.EPOCH);
    assertThatThrownBy(() -> service.place(free)).isInstanceOf(IllegalArgumentException.class);
  }
}
