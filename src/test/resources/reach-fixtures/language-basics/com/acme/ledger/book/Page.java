package com.acme.ledger.book;

import java.util.ArrayList;
import java.util.List;

/** A generic class with a bounded type variable: its methods erase T to Comparable. */
public class Page<T extends Comparable<T>> {
  private final List<T> items = new ArrayList<>();

  public void add(T item) {
    items.add(item);
  }

  public T first() {
    return items.get(0);
  }

  public <K> Page<T> addAll(K key, List<? extends T> more) {
    items.addAll(more);
    return this;
  }

  public List<T> items() {
    return items;
  }
}
