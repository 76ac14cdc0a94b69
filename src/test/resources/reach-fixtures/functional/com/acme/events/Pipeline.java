package com.acme.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Lambdas, method references, anonymous, local, inner and nested static classes. */
public class Pipeline {
  private final EventBus bus = new EventBus();
  private final Handlers handlers = new Handlers();
  private final Scheduler scheduler;
  private final List<Event> history = new ArrayList<>();
  private final Supplier<Handlers> freshHandlers = Handlers::new;
  private final Function<Handlers, Integer> totals = h -> h.total();

  public Pipeline(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  public void wire() {
    bus.subscribe("audit", Handlers::audit);
    bus.subscribe("count", handlers::count);
    bus.subscribe("heavy", event -> alarm(event));
    bus.subscribe("all", history::add);
  }

  public void start() {
    scheduler.submit(
        new Runnable() {
          @Override
          public void run() {
            flush();
          }
        });
  }

  public void replay(List<String> types) {
    Function<String, Event> make = Event::new;
    for (String type : types) {
      scheduler.submit(() -> types.forEach(t -> bus.publish(make.apply(t + type))));
    }
  }

  public int sumOf(List<Supplier<Integer>> sources) {
    return sources.stream().map(Supplier::get).mapToInt(Integer::intValue).sum();
  }

  public List<String> heavyTypes() {
    Predicate<Event> heavy = Handlers::heavy;
    Function<Event, String> typeOf = Event::type;
    List<String> out = new ArrayList<>();
    for (Event event : history) {
      if (heavy.test(event)) {
        out.add(typeOf.apply(event));
      }
    }
    return out;
  }

  public int summarize() {
    class Tally {
      private int sum;

      void add(Event event) {
        sum += event.weight();
      }
    }
    Tally tally = new Tally();
    history.forEach(tally::add);
    return tally.sum;
  }

  public Handlers fresh() {
    return freshHandlers.get();
  }

  void alarm(Event event) {
    history.add(new Event("alarm:" + event.type(), event.weight()));
  }

  void flush() {
    history.clear();
  }

  /** An inner class: its constructor takes the outer instance, which its symbol leaves out. */
  public class Window {
    private final int size;

    public Window(int size) {
      this.size = size;
    }

    public List<Event> last() {
      return history.subList(Math.max(0, history.size() - size), history.size());
    }
  }

  /** A nested static class. */
  public static class Stats {
    public static Stats of(Pipeline pipeline) {
      return new Stats(pipeline.new Window(10).last().size());
    }

    private final int recent;

    Stats(int recent) {
      this.recent = recent;
    }

    public int recent() {
      return recent;
    }
  }

  public int measure(boolean twice) {
    Function<Handlers, Integer> measure;
    measure = twice ? h -> h.total() * 2 : h -> h.total();
    return measure.apply(handlers) + totals.apply(freshHandlers.get());
  }
}
