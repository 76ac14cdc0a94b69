package dev.scrutineer.config;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern with {@code .gitignore} semantics, matched against repository-relative paths
 * written with {@code /}.
 *
 * <ul>
 *   <li>{@code *} matches any characters within one path segment, {@code ?} exactly one, and {@code
 *       [a-z]} or {@code [!a-z]} one character of (or not of) a class; none of them matches {@code
 *       /}.
 *   <li>{@code **} as a whole segment matches any number of directories, none included: {@code
 *       **}{@code /test/**} matches {@code test/A.java} and {@code a/b/test/c/A.java}.
 *   <li>A pattern with no {@code /} except a trailing one matches a file or directory name at any
 *       depth: {@code *.sql} matches {@code db/seed.sql}, {@code generated} matches {@code
 *       a/generated/X.java}. A pattern with a {@code /} at its start or in its middle is anchored
 *       at the repository root; a leading {@code /} is dropped.
 *   <li>A pattern that names a directory also matches everything under it; with a trailing {@code
 *       /} it matches only what is under it.
 *   <li>{@code \} escapes the next character. Matching is case-sensitive, as git is on Linux.
 * </ul>
 *
 * Not supported, and rejected rather than read differently: {@code !} negation (use {@code
 * exclude-paths}) and empty segments ({@code a//b}). Braces are literal characters.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException with a short description of what is wrong
   */
  public static Glob compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("the pattern is empty");
    }
    if (pattern.startsWith("!")) {
      throw new IllegalArgumentException(
          "'!' negation is not supported (write the pattern under exclude-paths instead)");
    }
    String body = pattern;
    boolean underOnly = body.endsWith("/");
    if (underOnly) {
      body = body.substring(0, body.length() - 1);
    }
    boolean anchored = body.contains("/");
    if (body.startsWith("/")) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the pattern names no path");
    }
    StringBuilder re = segments(body, anchored);
    if (!body.equals("**") && !body.endsWith("/**")) {
      re.append(underOnly ? "/.*" : "(?:/.*)?");
    }
    try {
      return new Glob(pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("a character class is invalid: " + e.getDescription());
    }
  }

  /**
   * The regular expression of a pattern's segments, {@code body} being the pattern without a
   * leading or trailing {@code /}: each segment translated as above, a {@code **} segment as any
   * number of directories, and the whole at any depth unless {@code anchored}. What may follow the
   * last segment is left to the caller: {@code CODEOWNERS} patterns end by rules of their own.
   *
   * @throws IllegalArgumentException for an empty segment, a lone trailing {@code \}, or a class
   *     never closed
   */
  public static StringBuilder segments(String body, boolean anchored) {
    String[] segments = body.split("/", -1);
    StringBuilder re = new StringBuilder();
    if (!anchored) {
      re.append("(?:[^/]+/)*");
    }
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("the pattern has an empty segment ('//')");
      }
      if (segment.equals("**")) {
        re.append(last ? ".*" : "(?:[^/]+/)*");
        continue;
      }
      translateSegment(segment, re);
      if (!last) {
        re.append('/');
      }
    }
    return re;
  }

  /** True when the repository-relative path matches this pattern. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  private static void translateSegment(String segment, StringBuilder re) {
    int i = 0;
    while (i < segment.length()) {
      char c = segment.charAt(i);
      switch (c) {
        case '*' -> {
          re.append("[^/]*");
          while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
            i++;
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = translateClass(segment, i, re);
        case '\\' -> {
          if (i + 1 >= segment.length()) {
            throw new IllegalArgumentException("the pattern ends with a lone '\\'");
          }
          i++;
          re.append(Pattern.quote(String.valueOf(segment.charAt(i))));
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
  }

  /** Appends the class that starts at {@code open}; returns the index of its closing bracket. */
  private static int translateClass(String segment, int open, StringBuilder re) {
    int i = open + 1;
    boolean negated =
        i < segment.length() && (segment.charAt(i) == '!' || segment.charAt(i) == '^');
    if (negated) {
      i++;
    }
    int first = i;
    StringBuilder members = new StringBuilder();
    while (i < segment.length() && (segment.charAt(i) != ']' || i == first)) {
      char c = segment.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-') {
        members.append(c);
      } else {
        members.append('\\').append(c);
      }
      i++;
    }
    if (i >= segment.length()) {
      throw new IllegalArgumentException("'[' at position " + (open + 1) + " is never closed");
    }
    if (negated) {
      re.append("[^/").append(members).append(']');
    } else {
      re.append('[').append(members).append("&&[^/]]");
    }
    return i;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Glob g && g.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
