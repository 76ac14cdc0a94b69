package dev.scrutineer.cli;

import dev.scrutineer.model.InputException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options, subcommands, and how failures become exit codes. */
@Command(
    name = "scrutineer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Estimates the blast radius and AI provenance of a change before it merges, and turns"
          + " risk into required review scrutiny."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:analysed; nothing requires action",
      "1:the policy requires action before merge",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class ScrutineerCommand implements Runnable {
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          AnalyzeCommand.class,
          GateCommand.class,
          AuditCommand.class,
          TabletopCommand.class,
          BacktestCommand.class,
          ScoreCommand.class,
          DemoCommand.class);

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors and progress detail.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * The command line for {@code args}. When they start with a subcommand's name only that
   * subcommand is built: picocli reads every option of every subcommand when it builds one, about
   * 60 ms of a run that takes seconds. Anything else (help, a misspelt command) gets them all.
   */
  static CommandLine commandLine(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Terminal terminal) {
    ScrutineerCommand root = new ScrutineerCommand();
    Factory factory = new Factory(in, terminal);
    CommandLine cli = new CommandLine(root, factory);
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(c -> args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0]))
            .toList();
    for (Class<?> subcommand : named.isEmpty() ? SUBCOMMANDS : named) {
      cli.addSubcommand(new CommandLine(subcommand, factory));
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (e, given) -> {
          err.println("scrutineer: " + e.getMessage());
          err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InputException) {
            err.println("scrutineer: " + e.getMessage());
            if (root.verbose) {
              e.printStackTrace(err);
            }
            return ExitCode.USAGE;
          }
          err.println(
              "scrutineer: internal error: "
                  + e
                  + (root.verbose
                      ? ""
                      : " (run again with --verbose for the stack trace, and please report it)"));
          if (root.verbose) {
            e.printStackTrace(err);
          }
          return ExitCode.INTERNAL;
        });
    return cli;
  }

  /** Gives commands what they need from outside, so tests can drive them in process. */
  private record Factory(InputStream in, Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == AnalyzeCommand.class) {
        return type.cast(new AnalyzeCommand(terminal));
      }
      if (type == GateCommand.class) {
        return type.cast(new GateCommand(terminal));
      }
      if (type == BacktestCommand.class) {
        return type.cast(new BacktestCommand(terminal));
      }
      if (type == ScoreCommand.class) {
        return type.cast(new ScoreCommand(in, terminal));
      }
      if (type == DemoCommand.class) {
        return type.cast(new DemoCommand(terminal));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
