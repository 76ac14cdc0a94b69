package com.acme.shipping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** Iterators that inherit from the JDK's interfaces, and from a class outside them. */
public class Cursors {
  /** Operations on an iterator: a default method calls one only {@code Iterator} declares. */
  public interface Draining<E> extends Iterator<E> {
    default <C extends Collection<E>> C drainTo(C collection) {
      forEachRemaining(collection::add);
      return collection;
    }
  }

  /** An iterator over one label, which drains itself. */
  public static final class OneLabel implements Draining<String> {
    private String label;

    OneLabel(String label) {
      this.label = label;
    }

    @Override
    public boolean hasNext() {
      return label != null;
    }

    @Override
    public String next() {
      if (label == null) {
        throw new NoSuchElementException();
      }
      String next = label;
      label = null;
      return next;
    }

    @Override
    public void forEachRemaining(Consumer<? super String> action) {
      if (label != null) {
        action.accept(next());
      }
    }
  }

  /** What an empty iterator answers when asked to go back, whatever it iterates. */
  public abstract static class Empty {
    public boolean hasPrevious() {
      return false;
    }

    public String previous() {
      throw new NoSuchElementException();
    }
  }

  /** An empty list iterator whose backward steps come from {@code Empty}, which is no iterator. */
  public static final class EmptyLabels extends Empty implements ListIterator<String> {
    @Override
    public boolean hasNext() {
      return false;
    }

    @Override
    public String next() {
      throw new NoSuchElementException();
    }

    @Override
    public int nextIndex() {
      return 0;
    }

    @Override
    public int previousIndex() {
      return -1;
    }

    @Override
    public void remove() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void set(String label) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(String label) {
      throw new UnsupportedOperationException();
    }
  }

  /** Something with a size, which a call names too commonly to link by name alone. */
  public interface Sized {
    int size();
  }

  /** Two of something. */
  public static final class Pair implements Sized {
    @Override
    public int size() {
      return 2;
    }
  }

  /** The size of the first of some: a call on an array's element. */
  static int first(Sized[] all) {
    return all[0].size();
  }

  /** The size of a pair, through an array. */
  public static int pairs() {
    return first(new Sized[] {new Pair()});
  }

  static String last(ListIterator<String> labels) {
    return labels.hasPrevious() ? labels.previous() : "";
  }

  /** Drains one label, and looks back over no labels. */
  public static List<String> labels(String label) {
    List<String> out = new OneLabel(label).drainTo(new ArrayList<>());
    out.add(last(new EmptyLabels()));
    return out;
  }
}
