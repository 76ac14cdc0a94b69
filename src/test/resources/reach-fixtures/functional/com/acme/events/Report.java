package com.acme.events;

import java.util.List;

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

  public String render(List<Event> events, Handlers handlers) {
    StringBuilder out = new StringBuilder();
    for (Event event : events) {
      line.twice().format(out, event);
      tally.format(handlers, event);
    }
    return out.toString();
  }
}
