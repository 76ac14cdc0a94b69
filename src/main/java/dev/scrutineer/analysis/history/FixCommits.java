package dev.scrutineer.analysis.history;

import java.util.ArrayList;
import java.util.List;
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

  private FixCommits() {}

  public static boolean isFix(String message) {
    return FIX_WORD.matcher(message).find()
        || CLOSES_ISSUE.matcher(message).find()
        || TRAILER.matcher(message).find()
        || revertedId(message).isPresent();
  }

  /** The (possibly abbreviated) id a revert names in git's "This reverts commit ..." line. */
  public static Optional<String> revertedId(String message) {
    Matcher m = REVERTS.matcher(message);
    return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
  }

  /** The (possibly abbreviated) ids named by {@code Fixes: <id>} trailers. */
  public static List<String> fixedIds(String message) {
    List<String> ids = new ArrayList<>();
    Matcher m = FIXES_COMMIT.matcher(message);
    while (m.find()) {
      ids.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    return ids;
  }
}
