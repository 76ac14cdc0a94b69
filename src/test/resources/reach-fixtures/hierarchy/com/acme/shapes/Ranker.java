package com.acme.shapes;

/** A generic interface: its implementations get bridge methods rank(Object). */
public interface Ranker<T> {
  int rank(T item);
}
