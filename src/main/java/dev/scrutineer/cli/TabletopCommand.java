package dev.scrutineer.cli;

import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.engine.TabletopRequest;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.InputException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer tabletop}: a failure drill for a change, to rehearse before merging it. */
@Command(
    name = "tabletop",
    mixinStandardHelpOptions = true,
    description = {
      "Write a failure drill for a change: for its riskiest changed declarations, how each could"
          + " fail, what would break, who is paged, how it would be detected, whether it can be"
          + " rolled back, and questions for the team. Nothing from the repository is built or run"
          + " unless --trusted is given."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the drill was written",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class TabletopCommand implements Callable<Integer> {
  @Mixin ChangeOptions change;
  @Mixin ReportOptions report;

  @Option(
      names = "--rollback-onto",
      paramLabel = "REV",
      description =
          "Where to try reverting the change (in memory). Default: --base. When the change is not"
              + " merged there yet, merging it is tried instead.")
  String rollbackOnto;

  @Option(
      names = "--trusted",
      description =
          "Trust the repository: allows --mutate to build it and run its tests in a temporary copy.")
  boolean trusted;

  @Option(
      names = "--mutate",
      description =
          "Run PIT mutation testing (mvn org.pitest:pitest-maven:mutationCoverage) on the changed"
              + " classes with the tests that reach them, and report the mutants on changed lines"
              + " that survive. Needs --trusted.")
  boolean mutate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (mutate && !trusted) {
      throw new InputException(
          "--mutate builds and runs the repository's code, and nothing from the repository is"
              + " executed unless --trusted is given; add --trusted if you trust it");
    }
    Drill drill =
        new Scrutineer()
            .tabletop(
                new TabletopRequest(
                    change.request(Optional.empty()), Optional.ofNullable(rollbackOnto), mutate));
    ReportSink.write(
        report.format.renderDrill(drill, Version.CURRENT),
        report.output,
        spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
