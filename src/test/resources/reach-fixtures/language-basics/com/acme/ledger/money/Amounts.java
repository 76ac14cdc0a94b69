package com.acme.ledger.money;

import java.util.Iterator;
import java.util.function.Function;

/** Static helpers: overloads by type, generic methods with bounds. */
public final class Amounts {
  private Amounts() {}

  public static long parseCents(String amount) {
    String[] parts = amount.split("\\.");
    long whole = Long.parseLong(parts[0]) * 100;
    return parts.length == 1 ? whole : whole + Long.parseLong(parts[1]);
  }

  public static String decimal(long value, int scale) {
    long unit = (long) Math.pow(10, scale);
    return value / unit + "." + pad(value % unit, scale);
  }

  public static String decimal(double value) {
    return decimal(Math.round(value * 100), Money.SCALE);
  }

  static String pad(long value, int width) {
    StringBuilder out = new StringBuilder(Long.toString(value));
    while (out.length() < width) {
      out.insert(0, '0');
    }
    return out.toString();
  }

  public static <T extends Comparable<T>> T max(Iterable<T> values) {
    Iterator<T> it = values.iterator();
    T best = it.next();
    while (it.hasNext()) {
      T next = it.next();
      if (next.compareTo(best) > 0) {
        best = next;
      }
    }
    return best;
  }

  public static <T, R extends CharSequence> String join(Iterable<T> items, Function<T, R> show) {
    StringBuilder out = new StringBuilder();
    for (T item : items) {
      out.append(show.apply(item)).append(", ");
    }
    return out.toString();
  }
}
