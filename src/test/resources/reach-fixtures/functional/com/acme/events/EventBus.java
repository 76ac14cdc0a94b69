package com.acme.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Keeps handlers by event type. */
public class EventBus {
  private final Map<String, List<Consumer<Event>>> handlers = new HashMap<>();

  public void subscribe(String type, Consumer<Event> handler) {
    handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
  }

  public void publish(Event event) {
    for (Consumer<Event> handler : handlers.getOrDefault(event.type(), List.of())) {
      handler.accept(event);
    }
  }

  /** Named like Handlers.total(): a lambda's parameter typed by its target tells them apart. */
  public int total() {
    return handlers.size();
  }
}
