package dev.scrutineer.cli;

import dev.scrutineer.engine.GateRequest;
import dev.scrutineer.engine.Gated;
import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.report.GateReport;
import dev.scrutineer.report.RenderOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer gate}: is the review this change needs done? */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Hold the scrutiny the policy requires for a change against its pull request's reviews:"
          + " print what is met, what is missing and who can satisfy it. Exit 1 while anything"
          + " is missing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every requirement is met",
      "1:something the policy requires is missing",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class GateCommand implements Callable<Integer> {
  @Mixin ChangeOptions change;
  @Mixin ReportOptions report;

  @Option(
      names = "--reviews",
      paramLabel = "FILE",
      description =
          "The pull request's reviews as GitHub returns them (gh api"
              + " repos/OWNER/REPO/pulls/N/reviews --paginate). Default: no reviews yet.")
  Path reviews;

  @Option(
      names = "--teams",
      paramLabel = "FILE",
      description =
          "Members of the teams (and emails) that CODEOWNERS and the policy name, as YAML or JSON:"
              + " '\"@org/team\": [login, login]'.")
  Path teams;

  @Option(
      names = "--codeowners",
      paramLabel = "FILE",
      description =
          "A CODEOWNERS file to use. Default: the merge-base's .github/CODEOWNERS, CODEOWNERS or"
              + " docs/CODEOWNERS, the first found, so a change cannot choose its own reviewers.")
  Path codeOwners;

  @Option(
      names = "--drill-ack",
      description = "A failure drill of this change was run and acknowledged.")
  boolean drillAck;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  GateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Gated gated =
        new Scrutineer()
            .gate(
                new GateRequest(
                    change.request(Optional.empty()),
                    Optional.ofNullable(reviews),
                    Optional.ofNullable(teams),
                    Optional.ofNullable(codeOwners),
                    drillAck));
    String rendered =
        GateReport.render(
            report.format,
            gated.analysis(),
            gated.result(),
            new RenderOptions(terminal.colour() && report.output == null, Version.CURRENT));
    ReportSink.write(rendered, report.output, spec.commandLine().getOut());
    return gated.result().passed() ? ExitCode.OK : ExitCode.ACTION_REQUIRED;
  }
}
