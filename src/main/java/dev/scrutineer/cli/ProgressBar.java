package dev.scrutineer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place, at most every 100 ms. Silent unless
 * the process is on a terminal.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDrawn;
  private boolean drawn;

  ProgressBar(PrintWriter err, Terminal terminal) {
    this.err = err;
    this.enabled = terminal.progress();
  }

  synchronized void update(String task, int done, int total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && done < total && now - lastDrawn < INTERVAL_NANOS) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    int filled = total <= 0 ? 0 : (int) ((long) WIDTH * Math.min(done, total) / total);
    err.print(
        String.format(
            Locale.ROOT,
            "\r%-24s [%s%s] %d/%d",
            task,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total));
    err.flush();
  }

  /** Clears the line, so the report starts on a clean one. */
  synchronized void finish() {
    if (enabled && drawn) {
      err.print("\r" + " ".repeat(80) + "\r");
      err.flush();
    }
  }
}
