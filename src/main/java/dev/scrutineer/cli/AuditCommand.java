package dev.scrutineer.cli;

import dev.scrutineer.engine.AuditRequest;
import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.InputException;
import dev.scrutineer.report.AuditFormat;
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

/** {@code scrutineer audit}: how merged changes were reviewed, and whether scrutiny kept pace. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit merged changes: size, risk tier, AI level, time to first review and to approval,"
          + " review comments, approvers; flags rubber-stamp approvals and shows monthly velocity"
          + " against scrutiny, AI-assisted and not. Reads a pull-request export (--prs) or, without"
          + " one, the merge commits in git (no review data). Exit 0 even when approvals are"
          + " flagged: it reports."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the audit was written, whether or not approvals were flagged",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class AuditCommand implements Callable<Integer> {
  @Mixin ChangeOptions change;

  @Option(
      names = "--prs",
      paramLabel = "FILE",
      description =
          "A JSON array of merged pull requests with their reviews and commits (see README)."
              + " Default: merge commits in the first-parent history of --base.")
  Path prs;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Leave out changes merged before DATE (2026-01-31, or a time in UTC).")
  String since;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, markdown, json or csv. Default: ${DEFAULT-VALUE}.")
  AuditFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically: never half-written) instead of stdout.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (change.head != null || change.worktree || change.prJson != null) {
      throw new InputException(
          "audit reads merged changes: --head, --worktree and --pr-json do not apply; pass --base"
              + " BRANCH for the history to read, or --prs FILE");
    }
    AuditReport report =
        new Scrutineer()
            .audit(
                new AuditRequest(
                    change.repo,
                    Optional.ofNullable(change.base),
                    Optional.ofNullable(prs),
                    since == null ? Instant.EPOCH : parseSince(since),
                    change.config(),
                    change.cache()));
    ReportSink.write(format.render(report, Version.CURRENT), output, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  static Instant parseSince(String value) {
    try {
      return value.contains("T")
          ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InputException(
          "--since " + value + " is not a date; write it as 2026-01-31 or 2026-01-31T09:00:00Z");
    }
  }
}
