package dev.scrutineer.analysis.ownership;

import java.util.List;
import java.util.Objects;

/**
 * One valid line of {@code CODEOWNERS}.
 *
 * @param pattern the path pattern as written
 * @param owners the owners it names, in file order; empty means the paths it matches have no owner,
 *     which is how a file takes a path back from an earlier, wider line
 * @param line the 1-based line number
 */
public record OwnersRule(String pattern, List<CodeOwner> owners, int line) {
  public OwnersRule {
    Objects.requireNonNull(pattern, "pattern");
    owners = List.copyOf(owners);
  }

  /** {@code CODEOWNERS:12 (src/auth/**)}, to tell a reader which line decided. */
  public String describe(String file) {
    return file + ":" + line + " (" + pattern + ")";
  }
}
