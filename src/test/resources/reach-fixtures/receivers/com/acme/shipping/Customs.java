package com.acme.shipping;

public class Customs {
  public int duty(int value) {
    return value / 10;
  }
}
