package dev.scrutineer.analysis.reach.index;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A tree map of keys that come sorted already. Put one by one, each of a repository's ten thousand
 * paths is compared on the way down with a dozen others sharing long prefixes; {@link
 * TreeMap#TreeMap(SortedMap)} instead builds the tree in one pass from a sorted map, which this
 * class poses as for that constructor only.
 */
final class Presorted<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
  private final List<K> keys;
  private final List<V> values;

  private Presorted(List<K> keys, List<V> values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * A tree map of {@code keys}, which must be sorted by their natural order with no duplicates, to
   * the values at the same positions.
   *
   * @throws IllegalArgumentException when they are not, or the lists' sizes differ
   */
  static <K extends Comparable<K>, V> TreeMap<K, V> treeMap(List<K> keys, List<V> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys for " + values.size() + " values");
    }
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
        throw new IllegalArgumentException("keys out of order at " + keys.get(i));
      }
    }
    return new TreeMap<>(new Presorted<>(keys, values));
  }

  @Override
  public Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public int size() {
    return keys.size();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        Iterator<K> key = keys.iterator();
        Iterator<V> value = values.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return key.hasNext();
          }

          @Override
          public Entry<K, V> next() {
            return new SimpleImmutableEntry<>(key.next(), value.next());
          }
        };
      }

      @Override
      public int size() {
        return keys.size();
      }
    };
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    throw new UnsupportedOperationException("only read whole, by TreeMap's constructor");
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    throw new UnsupportedOperationException("only read whole, by TreeMap's constructor");
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    throw new UnsupportedOperationException("only read whole, by TreeMap's constructor");
  }

  @Override
  public K firstKey() {
    return keys.get(0);
  }

  @Override
  public K lastKey() {
    return keys.get(keys.size() - 1);
  }
}
