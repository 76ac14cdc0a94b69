package com.acme.events;

/** A functional interface of the code base: its type arguments type a lambda's parameters. */
@FunctionalInterface
public interface Formatter<S, T> {
  void format(S sink, T item);

  default Formatter<S, T> twice() {
    return (sink, item) -> {
      format(sink, item);
      format(sink, item);
    };
  }
}
