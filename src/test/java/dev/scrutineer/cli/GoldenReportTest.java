package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.demo.SampleChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every directory under {@code src/test/resources/golden} is a case: {@code args} holds the command
 * line (one argument a line), {@code expected.out} what it must print, byte for byte, and an
 * optional {@code exit} the exit code (0 when absent). Run with {@code -Dgolden.update=true} to
 * rewrite the expectations, then review the diff.
 *
 * <p>Arguments may name the demo's sample repository: {@code {demo}} is its path, {@code {demo-pr}}
 * its pull request's JSON and {@code {cache}} a facts cache beside it, written once per run under
 * {@code target/}.
 */
class GoldenReportTest {
  private static final Path CASES = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyGoldenCase() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(CASES)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases under " + CASES).isNotEmpty();
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    String[] args =
        Files.readAllLines(dir.resolve("args")).stream()
            .filter(l -> !l.isBlank())
            .map(GoldenReportTest::substitute)
            .toArray(String[]::new);
    Path exitFile = dir.resolve("exit");
    int exit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).strip()) : 0;
    Cli first = Cli.run(args);
    assertThat(first.exitCode()).as(first.err()).isEqualTo(exit);
    String actual = withoutVersion(first.out());
    Path expected = dir.resolve("expected.out");
    if (UPDATE || !Files.exists(expected)) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      assertThat(UPDATE).as("wrote the missing " + expected + "; review it and run again").isTrue();
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(withoutVersion(Cli.run(args).out()))
        .as("a second run on the same input prints the same bytes")
        .isEqualTo(actual);
  }

  private static String substitute(String arg) {
    if (!arg.contains("{demo") && !arg.contains("{cache}")) {
      return arg;
    }
    SampleChange sample = demo();
    return arg.replace("{demo}", sample.repository().toString())
        .replace("{demo-pr}", sample.pullRequestJson().toString())
        .replace("{cache}", sample.repository().resolveSibling("cache").toString());
  }

  private static SampleChange sample;

  private static synchronized SampleChange demo() {
    if (sample == null) {
      Path dir = Path.of("target/golden-demo").toAbsolutePath();
      deleteRecursively(dir);
      sample = SampleChange.writeTo(dir);
    }
    return sample;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tool version changes with every release and says nothing about the report. */
  private static String withoutVersion(String report) {
    return report.replace("\"version\" : \"" + Version.CURRENT + "\"", "\"version\" : \"VERSION\"");
  }
}
