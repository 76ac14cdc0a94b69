package dev.scrutineer.analysis.provenance;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model names as people write them in free text ("Claude Opus 4.5", "claude-3-5-sonnet", "gpt-4o",
 * "Gemini 2.5 Pro"). Kept as written: the evidence, not a registry, is the authority.
 */
final class Models {
  private static final Pattern MODEL =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_])(?:"
              // Claude needs a family or a version after it: "Claude Code" is a tool, not a model.
              // Dashes only separate parts, so "claude-3-5-sonnet" splits one way (no
              // backtracking).
              + "claude(?:[ -](?:opus|sonnet|haiku|instant|\\d+(?:\\.\\d+)*))+"
              + "|gpt-?\\d+(?:\\.\\d+)?[a-z]?(?:-[a-z0-9]+)*"
              + "|o[134](?:-(?:mini|pro|preview|high|low))*"
              + "|gemini[ -]\\d+(?:\\.\\d+)?(?:[ -](?:pro|flash|ultra|lite|exp))*"
              + "|codex-mini(?:-[a-z0-9]+)*"
              + "|(?:deepseek|qwen|llama|mistral|codestral|grok|kimi|glm)[ -]?[a-z0-9.-]*\\d[a-z0-9.-]*"
              + ")(?![\\p{L}\\p{N}_])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Models() {}

  /** The first model named in the text, as written. */
  static Optional<String> find(String text) {
    Matcher m = MODEL.matcher(text);
    return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
  }

  /** True when the whole text is a model name, such as a co-author named "Claude Opus 4.5". */
  static boolean isModel(String text) {
    return MODEL.matcher(text.strip()).matches();
  }
}
