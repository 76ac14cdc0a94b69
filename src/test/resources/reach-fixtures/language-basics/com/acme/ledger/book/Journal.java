package com.acme.ledger.book;

import java.util.ArrayList;
import java.util.List;

/** A resource: try-with-resources closes it, a call the source never spells. */
public class Journal implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private boolean open = true;

  public void write(String line) {
    lines.add(line);
  }

  @Override
  public void close() {
    flush();
    open = false;
  }

  void flush() {
    lines.clear();
  }

  public boolean isOpen() {
    return open;
  }

  /** Writes one line in a journal of its own, closed as the block ends. */
  public static int record(String line) {
    try (Journal journal = new Journal()) {
      journal.write(line);
      return line.length();
    }
  }

  /** Closes a journal it was given, named as a resource. */
  public static void finish(Journal given) {
    try (given) {
      given.write("end");
    }
  }
}
