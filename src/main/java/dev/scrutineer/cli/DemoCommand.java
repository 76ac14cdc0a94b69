package dev.scrutineer.cli;

import dev.scrutineer.demo.SampleChange;
import dev.scrutineer.engine.AnalysisRequest;
import dev.scrutineer.engine.Scrutineer;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrutineer demo}: analyze a built-in sample change, with no setup at all. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Create a small sample service repository with an AI-assisted pull request that touches"
          + " authentication and data access, analyze it, and print the report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the demo ran and its report was written",
      "2:usage or input error (one line says what and how to fix it)",
      "3:internal error (add --verbose for the stack trace)"
    })
final class DemoCommand implements Callable<Integer> {
  @Mixin ReportOptions report;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Write the sample repository into DIR (which must not exist yet) and keep it, to try"
              + " other commands on it. Default: a temporary directory, deleted afterwards.")
  Path keep;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    if (keep != null && Files.exists(keep)) {
      throw new InputException("--keep " + keep + " exists already; name a new directory");
    }
    Path directory = keep != null ? keep : Files.createTempDirectory("scrutineer-demo");
    try {
      SampleChange sample = SampleChange.writeTo(directory);
      Analysis analysis =
          new Scrutineer()
              .analyze(
                  new AnalysisRequest(
                      new ChangeQuery(
                          sample.repository(),
                          Optional.of(SampleChange.BASE_BRANCH),
                          Optional.empty(),
                          false),
                      Optional.of(sample.pullRequestJson()),
                      Optional.empty(),
                      Optional.of(directory.resolve("cache")),
                      Optional.empty(),
                      Optional.empty(),
                      false));
      report.write(analysis, terminal, spec.commandLine().getOut());
      if (keep != null) {
        spec.commandLine()
            .getErr()
            .println(
                "The sample repository is in "
                    + sample.repository()
                    + "; try: scrutineer analyze --repo "
                    + sample.repository()
                    + " --pr-json "
                    + sample.pullRequestJson());
      }
      return ExitCode.OK;
    } finally {
      if (keep == null) {
        deleteRecursively(directory);
      }
    }
  }

  private static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the demo's temporary directory " + root, e);
    }
  }
}
