package com.acme.events;

import java.util.List;
import java.util.function.Consumer;

/** Lambdas that are values of a generic functional interface of the code base. */
public class Report {
  private final Formatter<StringBuilder, Event> line;
  private final Formatter<Handlers, Event> tally = (handlers, event) -> handlers.count(event);

  public Report(Formatter<StringBuilder, Event> custom) {
    this.line = custom != null ? custom : (out, event) -> out.append(event.type()).append('\n');
  }

  public static Formatter<Handlers, Event> counting() {
    return (handlers, event) -> handlers.count(event);
  }

  public void withHandlers(Handlers handlers, Consumer<? super Handlers> action) {
    action.accept(handlers);
  }

  public static void countAll(Report report, List<Event> events, Handlers handlers) {
    for (Event event : events) {
      report.withHandlers(handlers, h -> h.count(event));
    }
  }

  public static HandlersCallback counter(Event event) {
    return handlers -> handlers.count(event);
  }

  public String render(List<Event> events, Handlers handlers) {
    StringBuilder out = new StringBuilder();
    for (Event event : events) {
      line.twice().format(out, event);
      tally.format(handlers, event);
    }
    return out.toString();
  }
}
