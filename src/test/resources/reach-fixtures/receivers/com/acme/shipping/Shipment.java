package com.acme.shipping;

/** Built step by step: each step's return type says where the next call goes. */
public final class Shipment {
  private final int weight;

  private Shipment(int weight) {
    this.weight = weight;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int weight() {
    return weight;
  }

  public static final class Builder {
    private int weight;

    public Builder weight(int kilos) {
      this.weight = kilos;
      return this;
    }

    public Shipment build() {
      return new Shipment(weight);
    }
  }
}
