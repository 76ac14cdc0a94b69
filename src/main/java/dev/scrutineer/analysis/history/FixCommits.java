package dev.scrutineer.analysis.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells fix commits by their message, since no issue tracker is consulted. A message is a fix when
 * it has a fix word (fix, fixes, fixed, fixing, bug, defect, patch, regression, hotfix; whole
 * words, so "prefix" and "fixture" are not), when it closes or resolves an issue ({@code Fixes
 * #123}, {@code closes LANG-1234}, a {@code Fixes:} or {@code Closes:} trailer), or when it is a
 * revert. A bare issue key is not enough: projects that key every commit to an issue would make
 * every commit a fix.
 */
public final class FixCommits {
  private static final Pattern FIX_WORD =
      Pattern.compile(
          "\\b(fix|fixes|fixed|fixing|bugs?|bugfix(es)?|defects?|patch(es|ed)?|regressions?"
              + "|hotfix(es)?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String ISSUE = "(#\\d+|\\b[A-Z][A-Z0-9]+-\\d+\\b)";

  private static final Pattern CLOSES_ISSUE =
      Pattern.compile("\\b(close[sd]?|resolve[sd]?)\\s*:?\\s+" + ISSUE, Pattern.CASE_INSENSITIVE);

  private static final Pattern TRAILER =
      Pattern.compile("(?m)^(fixes|closes|resolves)\\s*:\\s*\\S+", Pattern.CASE_INSENSITIVE);

  private static final Pattern REVERTS =
      Pattern.compile("This reverts commit ([0-9a-f]{7,40})", Pattern.CASE_INSENSITIVE);

  /** {@code Fixes: 1234abcd ("subject")}, naming the commit that brought the bug in. */
  private static final Pattern FIXES_COMMIT =
      Pattern.compile("(?m)^Fixes:\\s*([0-9a-f]{7,40})\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Words each pattern needs, lower-cased. A search for a few plain words costs far less than the
   * case-blind patterns, and most messages lack most of them: classifying a large repository's
   * history was mostly spent in the patterns.
   */
  private static final List<String> FIX_STEMS =
      List.of("fix", "bug", "defect", "patch", "regression");

  private static final List<String> CLOSE_STEMS = List.of("close", "resolve");

  private static final List<String> TRAILER_STEMS = List.of("fixes", "closes", "resolves");

  private static final String REVERT_STEM = "this reverts commit";

  private FixCommits() {}

  public static boolean isFix(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return (mentions(lower, FIX_STEMS) && FIX_WORD.matcher(message).find())
        || (mentions(lower, CLOSE_STEMS) && CLOSES_ISSUE.matcher(message).find())
        || (mentions(lower, TRAILER_STEMS) && TRAILER.matcher(message).find())
        || revertedId(message, lower).isPresent();
  }

  private static boolean mentions(String lower, List<String> stems) {
    for (String stem : stems) {
      if (lower.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /** The (possibly abbreviated) id a revert names in git's "This reverts commit ..." line. */
  public static Optional<String> revertedId(String message) {
    return revertedId(message, message.toLowerCase(Locale.ROOT));
  }

  private static Optional<String> revertedId(String message, String lower) {
    if (!lower.contains(REVERT_STEM)) {
      return Optional.empty();
    }
    Matcher m = REVERTS.matcher(message);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** The (possibly abbreviated) ids named by {@code Fixes: <id>} trailers. */
  public static List<String> fixedIds(String message) {
    List<String> ids = new ArrayList<>();
    Matcher m = FIXES_COMMIT.matcher(message);
    while (m.find()) {
      ids.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return ids;
  }
}
