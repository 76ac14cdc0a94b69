package dev.scrutineer.analysis.reach.graph;

import java.util.Arrays;

/** A growable list of ints, so edges cost no object each while the graph is built. */
final class IntList {
  private int[] items = new int[16];
  private int size;

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  /** Makes room for {@code capacity} ints in all, so that adding that many copies nothing. */
  void ensureCapacity(int capacity) {
    if (capacity > items.length) {
      items = Arrays.copyOf(items, capacity);
    }
  }

  int get(int index) {
    return items[index];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  /** The backing array, valid up to {@link #size()}; for bulk reads once the list is complete. */
  int[] array() {
    return items;
  }
}
