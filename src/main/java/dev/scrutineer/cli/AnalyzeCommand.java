package dev.scrutineer.cli;

import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.model.Analysis;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer analyze}: report what a change touches and who wrote it how. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze a change: its files and commits, the sensitive surfaces it touches and the AI"
          + " assistance disclosed or detected in it. Reads git objects only; never checks out or"
          + " runs the repository's code."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:analysed; the report was written",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin ChangeOptions change;
  @Mixin ReportOptions report;

  @Option(
      names = "--why",
      paramLabel = "TARGET",
      description =
          "Explain why the change reaches TARGET: an entry point ('GET /owners/{id}') or a"
              + " declaration (OwnerService#find). Printed first; exit 2 when nothing matches.")
  String why;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  AnalyzeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Analysis analysis = new Scrutineer().analyze(change.request(Optional.ofNullable(why)));
    report.write(analysis, terminal, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
