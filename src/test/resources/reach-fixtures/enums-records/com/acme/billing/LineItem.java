package com.acme.billing;

/** A record with everything implicit. */
public record LineItem(String sku, int quantity) {}
