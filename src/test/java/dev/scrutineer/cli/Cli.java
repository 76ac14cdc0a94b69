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

  /** Runs with {@code stdin} as standard input. */
  static Cli runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Terminal.PLAIN);
    return new Cli(code, out.toString(), err.toString());
  }
}
