package dev.scrutineer.analysis.ownership;

import dev.scrutineer.config.Glob;
import java.util.regex.Pattern;

/**
 * A {@code CODEOWNERS} path pattern, matched as GitHub matches it: gitignore's rules without the
 * ones GitHub leaves out.
 *
 * <ul>
 *   <li>{@code *} matches within one path segment, {@code ?} one character, {@code **} as a whole
 *       segment any number of directories.
 *   <li>A pattern with no {@code /} but a trailing one matches at any depth ({@code *.js}, {@code
 *       apps/}); one with a leading or inner {@code /} is anchored at the root.
 *   <li>A pattern naming a directory owns everything under it, except that a last segment of {@code
 *       *} owns only the files directly in that directory: GitHub documents {@code docs/*} as
 *       matching {@code docs/getting-started.md} and not {@code docs/build-app/x.md}.
 *   <li>Not supported by GitHub, and so refused here: {@code !} negation and {@code [ ]} classes. A
 *       line starting with {@code #} is a comment even when escaped as {@code \#}.
 * </ul>
 */
final class OwnersPattern {
  private final String text;
  private final Pattern regex;

  private OwnersPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException saying what GitHub would not accept
   */
  static OwnersPattern compile(String text) {
    if (text.startsWith("!")) {
      throw new IllegalArgumentException("'!' negation does not work in CODEOWNERS");
    }
    if (text.startsWith("\\#")) {
      throw new IllegalArgumentException("escaping '#' does not work in CODEOWNERS");
    }
    if (text.indexOf('[') >= 0 || text.indexOf(']') >= 0) {
      throw new IllegalArgumentException("'[ ]' character ranges do not work in CODEOWNERS");
    }
    String body = text;
    boolean underOnly = body.endsWith("/");
    if (underOnly) {
      body = body.substring(0, body.length() - 1);
    }
    boolean anchored = body.contains("/");
    if (body.startsWith("/")) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      // "/" alone names the root: everything.
      return new OwnersPattern(text, Pattern.compile(".*", Pattern.DOTALL));
    }
    StringBuilder re = Glob.segments(body, anchored);
    String lastSegment = body.substring(body.lastIndexOf('/') + 1);
    if (underOnly) {
      re.append("/.*");
    } else if (!lastSegment.equals("**") && !(anchored && lastSegment.equals("*"))) {
      re.append("(?:/.*)?");
    }
    return new OwnersPattern(text, Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
