package com.acme.shipping;

public final class Item {
  private final String name;
  final Customs customs = new Customs();

  public Item(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }
}
