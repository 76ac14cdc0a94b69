package dev.scrutineer.cli;

import dev.scrutineer.model.Analysis;
import dev.scrutineer.report.RenderOptions;
import dev.scrutineer.report.ReportFormat;
import java.io.PrintWriter;
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

  /**
   * Writes {@code analysis}'s report in the chosen format to the chosen file, else to {@code out},
   * in colour when that is a terminal that shows colour.
   */
  void write(Analysis analysis, Terminal terminal, PrintWriter out) {
    RenderOptions options = new RenderOptions(terminal.colour() && output == null, Version.CURRENT);
    ReportSink.write(to -> format.write(analysis, options, to), output, out);
  }
}
