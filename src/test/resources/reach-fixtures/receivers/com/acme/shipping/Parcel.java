package com.acme.shipping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A parcel is iterable: a for-each over it calls its iterator(), hasNext() and next(). */
public class Parcel implements Iterable<Item> {
  private final List<Item> items = new ArrayList<>();

  public void add(Item item) {
    items.add(item);
  }

  public List<Item> contents() {
    return items;
  }

  public Item[] toArray() {
    return items.toArray(new Item[0]);
  }

  @Override
  public Iterator<Item> iterator() {
    return new ParcelCursor(items);
  }
}
