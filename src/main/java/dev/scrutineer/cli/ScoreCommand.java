package dev.scrutineer.cli;

import dev.scrutineer.engine.ScoreRequest;
import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.ScoredCommit;
import dev.scrutineer.report.ScoreReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer score}: one risk row per commit of a list. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score each listed commit against its first parent, from the history before it only, and"
          + " write one row per commit: id, score, tier and the top three factors."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every commit was scored",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class ScoreCommand implements Callable<Integer> {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The repository (a work tree or a bare repository). Default: the current one.")
  Path repo;

  @Option(
      names = "--commits",
      paramLabel = "FILE|-",
      required = true,
      description =
          "The commits to score, one id (or any revision) a line; '-' reads standard input."
              + " Blank lines and lines starting with # are skipped.")
  String commits;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv or jsonl. Default: ${DEFAULT-VALUE}.")
  ScoreReport format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically: never half-written) instead of stdout.")
  Path output;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Where mined history and saved models live. Default: as for backtest.")
  Path cache;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A risk model saved by backtest. Default: the one saved for this repository, else the"
              + " built-in defaults.")
  Path model;

  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final Terminal terminal;

  ScoreCommand(InputStream stdin, Terminal terminal) {
    this.stdin = stdin;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    List<String> ids = read().stream().map(String::strip).filter(ScoreCommand::isId).toList();
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), terminal);
    List<ScoredCommit> scored;
    try {
      scored =
          new Scrutineer()
              .score(
                  new ScoreRequest(
                      repo, ids, Optional.ofNullable(cache), Optional.ofNullable(model)),
                  progress::update);
    } finally {
      progress.finish();
    }
    StringBuilder rendered = new StringBuilder(format.header());
    scored.forEach(s -> rendered.append(format.row(s)));
    ReportSink.write(rendered.toString(), output, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private static boolean isId(String line) {
    return !line.isEmpty() && !line.startsWith("#");
  }

  private List<String> read() throws IOException {
    if (commits.equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
          .lines()
          .toList();
    }
    Path file = Path.of(commits);
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          "--commits " + commits + ": no such file; pass a file of commit ids or '-' for stdin");
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
