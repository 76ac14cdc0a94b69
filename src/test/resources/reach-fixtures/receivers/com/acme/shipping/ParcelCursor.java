package com.acme.shipping;

import java.util.List;
import java.util.ListIterator;

/** A cursor over a parcel: a ListIterator, so a call on any Iterator may run it. */
public class ParcelCursor implements ListIterator<Item> {
  private final List<Item> items;
  private int at;

  public ParcelCursor(List<Item> items) {
    this.items = items;
  }

  @Override
  public boolean hasNext() {
    return at < items.size();
  }

  @Override
  public Item next() {
    return items.get(advance());
  }

  private int advance() {
    return at++;
  }

  @Override
  public boolean hasPrevious() {
    return at > 0;
  }

  @Override
  public Item previous() {
    return items.get(--at);
  }

  @Override
  public int nextIndex() {
    return at;
  }

  @Override
  public int previousIndex() {
    return at - 1;
  }

  @Override
  public void remove() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void set(Item item) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void add(Item item) {
    throw new UnsupportedOperationException();
  }
}
