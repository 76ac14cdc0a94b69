package dev.scrutineer.tabletop;

import dev.scrutineer.model.Drill;
import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs PIT through Maven in a copy of the change's head tree. This builds and runs the analysed
 * repository's code and tests, so it is reached only in trusted mode; the user's checkout is never
 * touched.
 */
public final class PitRunner {
  static final long TIMEOUT_MINUTES = 30;

  private PitRunner() {}

  /** The Maven command line: what is run, shown in the drill too. */
  static List<String> command(List<String> targetClasses, List<String> targetTests) {
    return List.of(
        "mvn",
        "-B",
        "-q",
        "test-compile", // PIT mutates compiled classes and finds no mutation without them
        "org.pitest:pitest-maven:mutationCoverage",
        "-DtargetClasses=" + String.join(",", targetClasses),
        "-DtargetTests=" + String.join(",", targetTests),
        "-DoutputFormats=XML",
        "-DtimestampedReports=false");
  }

  /** Maven's first error line, without colour codes, or the last line when none says ERROR. */
  static String firstError(Path log) throws IOException {
    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").strip())
            .filter(l -> !l.isEmpty())
            .toList();
    return lines.stream()
        .filter(l -> l.startsWith("[ERROR]"))
        .findFirst()
        .or(
            () ->
                lines.isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(lines.get(lines.size() - 1)))
        .orElse("no output");
  }

  public static Drill.Mutation run(
      Path copy,
      List<String> targetClasses,
      List<String> targetTests,
      Map<String, Set<Integer>> changedLines) {
    List<String> command = command(targetClasses, targetTests);
    Path log = copy.resolve("target/scrutineer-pit.log");
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .directory(copy.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new InputException("PIT ran longer than " + TIMEOUT_MINUTES + " minutes; stopped it");
      }
      Path report = copy.resolve("target/pit-reports/mutations.xml");
      if (process.exitValue() != 0 || !Files.exists(report)) {
        throw new InputException(
            "PIT failed (mvn exited " + process.exitValue() + "): " + firstError(log));
      }
      return PitReport.read(Files.readAllBytes(report), changedLines, String.join(" ", command));
    } catch (IOException e) {
      throw new UncheckedIOException("running PIT failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while PIT ran", e);
    }
  }
}
