package dev.scrutineer.config;

import dev.scrutineer.model.InputException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A configuration file that cannot be used as written. The message is one line, {@code source:line:
 * what is wrong; how to fix it}, so that editors and CI logs link it to the line. It is a usage
 * error: the command line reports the message alone and exits 2.
 */
public final class ConfigException extends InputException {
  private static final int MAX_QUOTED = 80;

  private final String source;
  private final int line;

  /** A problem at one line of the file. */
  public ConfigException(SourceLine where, String problem, String fix) {
    this(where.source(), where.line(), problem, fix);
  }

  /** A problem with the file as a whole, such as its size or encoding. */
  public ConfigException(String source, String problem, String fix) {
    this(source, 0, problem, fix);
  }

  private ConfigException(String source, int line, String problem, String fix) {
    super(format(source, line, problem, fix));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
  }

  /** The file or resource name the problem is in. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or empty when it concerns the whole file. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /**
   * Quotes text taken from the file for a message: single quotes, control characters escaped, cut
   * to a readable length, so that the message stays on one line whatever the file holds.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int end = Math.min(text.length(), MAX_QUOTED);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (end < text.length()) {
      out.append("...");
    }
    return out.append('\'').toString();
  }

  private static String format(String source, int line, String problem, String fix) {
    String where = line > 0 ? source + ":" + line : source;
    return where + ": " + oneLine(problem) + "; " + oneLine(fix);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\R+", " ").strip();
  }
}
