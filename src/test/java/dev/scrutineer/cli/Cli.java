package dev.scrutineer.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in process, as a user would from a shell, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    return runWithInput("", args);
  }

  /** Runs as on a terminal that takes colour and a progress bar. */
  static Cli runOnTerminal(String... args) {
    return run(new Terminal(true, true), "", args);
  }

  /** Runs with {@code stdin} as standard input. */
  static Cli runWithInput(String stdin, String... args) {
    return run(Terminal.PLAIN, stdin, args);
  }

  private static Cli run(Terminal terminal, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            terminal);
    return new Cli(code, out.toString(), err.toString());
  }
}
