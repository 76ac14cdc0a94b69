package dev.scrutineer.analysis.ownership;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One owner named in {@code CODEOWNERS}: a user ({@code @octocat}), a team ({@code
 * @octo-org/octocats}) or an email address. Compared case-insensitively, as GitHub compares logins.
 */
public record CodeOwner(String handle) implements Comparable<CodeOwner> {
  private static final Pattern USER = Pattern.compile("@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  private static final Pattern TEAM =
      Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** What kind of owner a handle names. */
  public enum Kind {
    USER,
    TEAM,
    EMAIL
  }

  public CodeOwner {
    Objects.requireNonNull(handle, "handle");
    if (kindOf(handle).isEmpty()) {
      throw new IllegalArgumentException("not a user, team or email: " + handle);
    }
    handle = handle.toLowerCase(Locale.ROOT);
  }

  /** The owner a word of a {@code CODEOWNERS} line names, or empty when it names none. */
  public static Optional<CodeOwner> parse(String word) {
    return kindOf(word).map(k -> new CodeOwner(word));
  }

  public Kind kind() {
    return kindOf(handle).orElseThrow();
  }

  /** For a user, the login without {@code @}; empty for teams and emails. */
  public Optional<String> login() {
    return kind() == Kind.USER ? Optional.of(handle.substring(1)) : Optional.empty();
  }

  private static Optional<Kind> kindOf(String word) {
    if (USER.matcher(word).matches()) {
      return Optional.of(Kind.USER);
    }
    if (TEAM.matcher(word).matches()) {
      return Optional.of(Kind.TEAM);
    }
    if (EMAIL.matcher(word).matches()) {
      return Optional.of(Kind.EMAIL);
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(CodeOwner other) {
    return handle.compareTo(other.handle);
  }

  @Override
  public String toString() {
    return handle;
  }
}
