package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.demo.SampleChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every directory under {@code src/test/resources/golden} is a case: {@code args} holds the command
 * line (one argument a line), {@code expected.out} what it must print, byte for byte, and an
 * optional {@code exit} the exit code (0 when absent). In {@code args}, {@code ${demo}} stands for
 * a directory holding the demo's sample repository ({@code shop-orders}) and its {@code
 * pull-request.json}, written once per run. Run with {@code -Dgolden.update=true} to rewrite the
 * expectations, then review the diff.
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

  @TempDir static Path demoParent;

  private static Path demo;

  private static void check(Path dir) throws IOException {
    String[] args =
        Files.readAllLines(dir.resolve("args")).stream()
            .filter(l -> !l.isBlank())
            .map(l -> l.contains("${demo}") ? l.replace("${demo}", demo().toString()) : l)
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

  private static synchronized Path demo() {
    if (demo == null) {
      demo = demoParent.resolve("demo");
      SampleChange.writeTo(demo);
    }
    return demo;
  }

  /** The tool version changes with every release and says nothing about the report. */
  private static String withoutVersion(String report) {
    return report.replace("\"version\" : \"" + Version.CURRENT + "\"", "\"version\" : \"VERSION\"");
  }
}
