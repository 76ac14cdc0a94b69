package dev.scrutineer.analysis.surface;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text a finding shows for a matching line, and the fingerprint derived from it. */
final class Evidence {
  /** Longer lines are cut: the evidence is a pointer into the diff, not a copy of it. */
  static final int MAX_CHARS = 200;

  /** What replaces the text of a {@code (?<secret>...)} group, whatever its length. */
  static final String MASK = "****";

  private static final String SECRET_GROUP = "(?<secret>";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Evidence() {}

  /**
   * The line as a reader should see it: {@code secret} groups of the rule's patterns masked (so
   * that neither reports nor fingerprints repeat a credential), trimmed, and cut to {@link
   * #MAX_CHARS}.
   */
  static String of(String line, List<Pattern> patterns) {
    return truncate(mask(line, patterns).strip());
  }

  static String mask(String line, List<Pattern> patterns) {
    List<int[]> spans = new ArrayList<>();
    for (Pattern pattern : patterns) {
      if (!pattern.pattern().contains(SECRET_GROUP)) {
        continue;
      }
      Matcher m = pattern.matcher(line);
      while (m.find()) {
        if (m.start("secret") >= 0 && m.end("secret") > m.start("secret")) {
          spans.add(new int[] {m.start("secret"), m.end("secret")});
        }
        if (m.end() == m.start()) {
          break;
        }
      }
    }
    if (spans.isEmpty()) {
      return line;
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] span : spans) {
      if (span[1] <= at) {
        continue;
      }
      if (span[0] >= at) {
        out.append(line, at, span[0]).append(MASK);
      }
      at = span[1];
    }
    return out.append(line.substring(at)).toString();
  }

  static String truncate(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * Hex SHA-256 (first 16 bytes) of rule id, path and evidence with white space collapsed. Line
   * numbers stay out, so a finding keeps its fingerprint when lines above it move.
   */
  static String fingerprint(String ruleId, String path, String evidence) {
    String normalised = WHITESPACE.matcher(evidence).replaceAll(" ").strip();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((ruleId + "\0" + path + "\0" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
