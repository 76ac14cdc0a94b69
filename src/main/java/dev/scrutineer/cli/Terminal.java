package dev.scrutineer.cli;

/**
 * What the process is attached to.
 *
 * @param colour whether standard output is a terminal that should get ANSI colour: never when
 *     {@code NO_COLOR} is set or output is redirected
 * @param progress whether long commands may draw a progress bar on standard error: only on a
 *     terminal, so logs and pipes stay clean
 */
public record Terminal(boolean colour, boolean progress) {
  public static final Terminal PLAIN = new Terminal(false, false);

  static Terminal detect() {
    boolean tty = System.console() != null;
    String noColor = System.getenv("NO_COLOR");
    return new Terminal(tty && (noColor == null || noColor.isEmpty()), tty);
  }
}
