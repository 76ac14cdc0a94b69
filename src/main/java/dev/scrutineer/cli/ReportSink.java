package dev.scrutineer.cli;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a finished report to stdout or, whole or not at all, to a file. */
final class ReportSink {
  private ReportSink() {}

  /** A report that writes itself, so that a large one is never held whole. */
  @FunctionalInterface
  interface Report {
    void writeTo(Writer out) throws IOException;
  }

  static void write(String report, Path output, PrintWriter out) {
    write(to -> to.write(report), output, out);
  }

  static void write(Report report, Path output, PrintWriter out) {
    if (output == null) {
      try {
        report.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("the report could not be written", e);
      }
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputException(
          "cannot write " + output + ": the directory " + dir + " does not exist; create it first");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (Writer file = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        report.writeTo(file);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new InputException("cannot write " + output + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The report was not written; a stray temp file is the lesser problem.
    }
  }
}
