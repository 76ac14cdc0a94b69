package dev.scrutineer.cli;

import dev.scrutineer.engine.BacktestRequest;
import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.InputException;
import dev.scrutineer.report.RenderOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer backtest}: how well would risk scores have ranked this repository's past? */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Label bug-inducing commits with SZZ from later fixes and reverts, fit the risk model on the"
          + " older part of the history and judge it on the newer part, beside the baselines"
          + " 'lines added only' and 'smallest change first'. Saves the fitted model, which"
          + " analyze then uses for this repository."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the backtest was run and its report written",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class BacktestCommand implements Callable<Integer> {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The repository (a work tree or a bare repository). Default: the current one.")
  Path repo;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description =
          "Score only commits from DATE (YYYY-MM-DD) on; older ones still count as history.")
  String since;

  @Option(
      names = "--split",
      paramLabel = "DATE|FRACTION",
      defaultValue = "0.7",
      description =
          "Train on commits before DATE (YYYY-MM-DD), or on this share of commits in time order,"
              + " and test on the rest. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where mined history and saved models live. Default: $SCRUTINEER_CACHE, else"
              + " $XDG_CACHE_HOME/scrutineer, else ~/.cache/scrutineer.")
  Path cache;

  @Option(
      names = "--save-model",
      paramLabel = "FILE",
      description =
          "Save the fitted model to FILE. Default: models/<root commit>.json in the cache"
              + " directory, where analyze finds it.")
  Path saveModel;

  @Option(names = "--no-save", description = "Do not save the fitted model.")
  boolean noSave;

  @Mixin ReportOptions report;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  BacktestCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (noSave && saveModel != null) {
      throw new InputException("--save-model and --no-save exclude each other; pass one of them");
    }
    Optional<Instant> splitAt = Optional.empty();
    double fraction = 0.7;
    if (split.matches("\\d{4}-\\d{2}-\\d{2}")) {
      splitAt = Optional.of(date("--split", split));
    } else {
      fraction = fraction(split);
    }
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), terminal);
    Backtest backtest;
    try {
      backtest =
          new Scrutineer()
              .backtest(
                  new BacktestRequest(
                      repo,
                      Optional.ofNullable(since).map(s -> date("--since", s)),
                      splitAt,
                      fraction,
                      Optional.ofNullable(cache),
                      Optional.ofNullable(saveModel),
                      !noSave),
                  progress::update);
    } finally {
      progress.finish();
    }
    String rendered =
        report.format.render(
            backtest,
            new RenderOptions(terminal.colour() && report.output == null, Version.CURRENT));
    ReportSink.write(rendered, report.output, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private static Instant date(String option, String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InputException(option + " " + text + " is not a date; write it as YYYY-MM-DD");
    }
  }

  private static double fraction(String text) {
    try {
      double value = Double.parseDouble(text);
      if (value > 0 && value < 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Falls through to the one message for every bad value.
    }
    throw new InputException(
        "--split "
            + text
            + " is neither a date (YYYY-MM-DD) nor a fraction between 0 and 1 such as 0.7");
  }
}
