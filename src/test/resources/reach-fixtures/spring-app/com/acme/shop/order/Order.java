package com.acme.shop.order;

/** An order as stored and as returned by the API. */
public record Order(long id, String customer, long totalCents) {}
