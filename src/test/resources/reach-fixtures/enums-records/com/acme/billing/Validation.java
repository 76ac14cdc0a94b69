package com.acme.billing;

/** Argument checks. */
public final class Validation {
  private Validation() {}

  public static String requireNonBlank(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("blank");
    }
    return value;
  }
}
