package com.acme.events;

/** A callback of the code base whose parameter is of a type it names itself. */
@FunctionalInterface
public interface HandlersCallback {
  void with(Handlers handlers);
}
