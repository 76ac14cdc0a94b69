package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSinkTest {
  @TempDir Path temp;

  @Test
  void aReportWrittenInPiecesReachesTheFileWhole() throws IOException {
    Path target = temp.resolve("report.json");

    ReportSink.write(
        out -> {
          out.write("{\n");
          out.write("  \"é\" : 1\n}\n");
        },
        target,
        new PrintWriter(new StringWriter()));

    assertThat(Files.readString(target)).isEqualTo("{\n  \"é\" : 1\n}\n");
    assertThat(names()).containsExactly("report.json");
  }

  @Test
  void aReportThatFailsHalfWayLeavesTheEarlierFileAsItWasAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(temp.resolve("report.json"), "the earlier report\n");

    assertThatThrownBy(
            () ->
                ReportSink.write(
                    out -> {
                      out.write("{ \"half\" : ");
                      throw new UncheckedIOException(new IOException("renderer broke"));
                    },
                    target,
                    new PrintWriter(new StringWriter())))
        .hasMessageContaining("renderer broke");

    assertThat(Files.readString(target)).isEqualTo("the earlier report\n");
    assertThat(names()).containsExactly("report.json");
  }

  @Test
  void withoutAFileTheReportGoesToTheCommandsOutput() {
    StringWriter out = new StringWriter();

    ReportSink.write("text report\n", null, new PrintWriter(out));

    assertThat(out).hasToString("text report\n");
  }

  private Stream<String> names() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.map(p -> p.getFileName().toString()).toList().stream();
    }
  }
}
