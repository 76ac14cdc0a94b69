package com.acme.shipping;

import java.util.Iterator;
import java.util.List;

/** Calls through constants, through a variable's field, and through iterators. */
public class Shipping {
  private final Parcel parcel = new Parcel();

  public String plain(String text) {
    return Label.PLAIN.render(text);
  }

  public String boxedAll() {
    return Label.BOXED.renderAll(parcel);
  }

  public int duty(Item item, int value) {
    return item.customs.duty(value);
  }

  public int count(List<Item> items) {
    int n = 0;
    for (Item item : items) {
      n += item.name().length();
    }
    return n;
  }

  public Item first(Iterator<Item> items) {
    return items.hasNext() ? items.next() : null;
  }

  public int ship(int kilos) {
    return Shipment.builder().weight(kilos).build().weight();
  }

  /** Over arrays a method returns: no iterator, so no call that ParcelCursor could answer. */
  public int unpacked() {
    int n = 0;
    for (Item item : parcel.toArray()) {
      n += item.name().length();
    }
    Class<?> self = getClass();
    for (Class<?> type : self.getInterfaces()) {
      n += type.getName().length();
    }
    return n;
  }

  public int letters(String[] names) {
    int n = 0;
    for (String name : names) {
      n += name.length();
    }
    return n;
  }
}
