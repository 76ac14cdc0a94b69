package dev.scrutineer.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code scrutineer} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, Terminal.detect()));
  }

  /** Runs one command line and returns its exit status; never calls {@code System.exit}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    return run(args, System.in, out, err, terminal);
  }

  /** Runs one command line reading standard input from {@code in}. */
  public static int run(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Terminal terminal) {
    return ScrutineerCommand.commandLine(args, in, out, err, terminal).execute(args);
  }
}
