package dev.scrutineer.analysis.provenance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names AI tools go by, mapped to one normalised name each, so that "claude-code", "Claude" and
 * "Claude Code" count as one tool in a report.
 */
final class Tools {
  /**
   * One spelling of a tool's name.
   *
   * @param ambiguous true for ordinary words ("continue", "entire", "cursor") that name the tool
   *     only when they stand alone in a slot meant for a tool name, never inside free text
   */
  private record Alias(String spelling, String tool, boolean ambiguous) {}

  private static final List<Alias> ALIASES =
      Stream.of(
              alias("Claude Code", "claude code", "claude-code", "claude", "anthropic claude"),
              alias("Claude Code", "claude-code-action", "claude.ai", "claude code action"),
              alias("GitHub Copilot", "github copilot", "copilot", "github-copilot", "copilot cli"),
              alias("GitHub Copilot", "copilot coding agent", "copilot-swe-agent", "copilot agent"),
              alias("Cursor", "cursor agent", "cursor ai", "cursor.com"),
              ambiguous("Cursor", "cursor"),
              alias("Aider", "aider", "aider.chat"),
              alias("OpenAI Codex", "openai codex", "codex", "codex cli", "chatgpt codex"),
              alias("ChatGPT", "chatgpt", "openai chatgpt"),
              alias("Devin", "devin", "devin ai", "devin.ai"),
              alias("Google Jules", "google jules", "jules"),
              alias("Gemini", "gemini", "gemini cli", "gemini-cli", "google gemini"),
              alias("Gemini", "gemini code assist"),
              alias("Amazon Q Developer", "amazon q developer", "amazon q", "q developer"),
              alias("Cline", "cline"),
              alias("Continue", "continue.dev"),
              ambiguous("Continue", "continue"),
              alias("Sourcegraph Cody", "sourcegraph cody", "cody"),
              alias("JetBrains AI", "jetbrains ai", "jetbrains ai assistant", "junie"),
              alias("OpenHands", "openhands", "open hands", "all hands ai"),
              alias("Windsurf", "windsurf", "codeium"),
              ambiguous("Entire", "entire", "entire cli"))
          .flatMap(Arrays::stream)
          .toList();

  /** Longest spelling first, so "claude code" wins over "claude" at the same position. */
  private static final List<Alias> BY_LENGTH =
      ALIASES.stream()
          .sorted(Comparator.comparingInt((Alias a) -> a.spelling().length()).reversed())
          .toList();

  private static final Pattern FREE_TEXT = freeTextPattern();

  private Tools() {}

  /** The tool this exact name stands for, such as "claude-code" → "Claude Code". */
  static Optional<String> exact(String name) {
    String key = key(name);
    return ALIASES.stream().filter(a -> a.spelling().equals(key)).map(Alias::tool).findFirst();
  }

  /** Like {@link #exact}, but ordinary words ("continue", "cursor") do not count. */
  static Optional<String> exactUnambiguous(String name) {
    String key = key(name);
    return ALIASES.stream()
        .filter(a -> !a.ambiguous() && a.spelling().equals(key))
        .map(Alias::tool)
        .findFirst();
  }

  /** The first tool named anywhere in free text, as a whole word. */
  static Optional<String> find(String text) {
    Matcher m = FREE_TEXT.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String found = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return BY_LENGTH.stream().filter(a -> a.spelling().equals(found)).map(Alias::tool).findFirst();
  }

  /** The name as written, lower case, without a GitHub App's {@code [bot]} suffix or emoji. */
  private static String key(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.endsWith("[bot]")) {
      key = key.substring(0, key.length() - "[bot]".length());
    }
    return key.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("\\s+", " ");
  }

  private static Pattern freeTextPattern() {
    StringBuilder alternatives = new StringBuilder();
    for (Alias a : BY_LENGTH) {
      if (!a.ambiguous()) {
        alternatives.append(alternatives.length() == 0 ? "" : "|");
        alternatives.append(Pattern.quote(a.spelling()).replace(" ", "\\E\\s+\\Q"));
      }
    }
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Alias[] spellings(String tool, boolean ambiguous, String... spellings) {
    Alias[] aliases = new Alias[spellings.length];
    for (int i = 0; i < spellings.length; i++) {
      aliases[i] = new Alias(spellings[i], tool, ambiguous);
    }
    return aliases;
  }

  private static Alias[] alias(String tool, String... spellings) {
    return spellings(tool, false, spellings);
  }

  private static Alias[] ambiguous(String tool, String... spellings) {
    return spellings(tool, true, spellings);
  }
}
