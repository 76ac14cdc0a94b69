package dev.scrutineer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Something about the analysed input that limits what the analysis could see, such as a file too
 * large to diff or a rename limit reached. The run goes on; the report shows it.
 */
public record Diagnostic(Severity severity, Optional<String> path, String message) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic warning(String message) {
    return new Diagnostic(Severity.WARNING, Optional.empty(), message);
  }

  public static Diagnostic warning(String path, String message) {
    return new Diagnostic(Severity.WARNING, Optional.of(path), message);
  }

  public static Diagnostic info(String message) {
    return new Diagnostic(Severity.INFO, Optional.empty(), message);
  }
}
