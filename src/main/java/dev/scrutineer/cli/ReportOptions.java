package dev.scrutineer.cli;

import dev.scrutineer.report.ReportFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a command writes its report. */
final class ReportOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (for terminals), markdown (a PR comment) or json. Default: ${DEFAULT-VALUE}.")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically: never half-written) instead of stdout.")
  Path output;
}
