package com.example.shop.model;

import java.math.BigDecimal;
import java.time.Instant;

public record Order(long id, long customerId, String status, BigDecimal total, Instant placedAt) {}
