package dev.scrutineer.cli;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a finished report to stdout or, whole or not at all, to a file. */
final class ReportSink {
  private ReportSink() {}

  static void write(String report, Path output, PrintWriter out) {
    if (output == null) {
      out.print(report);
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
      Files.writeString(temp, report, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new InputException("cannot write " + output + ": " + e.getMessage(), e);
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
