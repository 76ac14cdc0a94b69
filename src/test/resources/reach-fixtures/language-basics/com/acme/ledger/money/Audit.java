package com.acme.ledger.money;

import java.util.ArrayList;
import java.util.List;

/** A log of what happened, read by tests. */
public final class Audit {
  static final List<String> LINES = new ArrayList<>();

  private Audit() {}

  public static void log(String line) {
    LINES.add(line);
  }

  public static void log(String format, Object... args) {
    log(String.format(format, args));
  }

  public static int size() {
    return LINES.size();
  }
}
