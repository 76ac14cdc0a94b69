package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a vendor tool appends under its work, in a commit body or a PR body: {@code 🤖 Generated
 * with [Claude Code](https://claude.com/claude-code)}, {@code Generated with
 * [Devin](https://devin.ai/…)}, {@code Made with [Cursor](https://cursor.com)}.
 *
 * <p>It says the tool wrote the text, so alone it implies {@link AiLevel#SUBSTANTIAL}: the
 * catalogue's "vendor co-author trailers plus Generated with lines". It must open the line (after
 * an emoji or list marker), so prose that merely quotes it is not taken for it.
 */
final class VendorLines {
  private static final String VERB =
      "^[^\\p{L}\\p{N}\\[]*(?:generated|made|created|written)\\s+(?:with|by|using)\\s+";

  private static final Pattern LINK =
      Pattern.compile(
          VERB + "\\[(?<name>[^\\]]+)\\]\\((?<url>[^)]*)\\)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern PLAIN =
      Pattern.compile(
          VERB + "(?<name>[\\p{L}\\p{N} .-]+?)[\\s.!]*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Link targets that identify the tool when its name is unfamiliar. */
  private static final Map<String, String> HOSTS =
      Map.of(
          "claude.ai", "Claude Code",
          "claude.com", "Claude Code",
          "anthropic.com", "Claude Code",
          "devin.ai", "Devin",
          "cursor.com", "Cursor",
          "cursor.sh", "Cursor",
          "aider.chat", "Aider");

  private static final Pattern HOST = Pattern.compile("^[a-z][a-z0-9+.-]*://(?:www\\.)?([^/:?#]+)");

  private VendorLines() {}

  static Optional<Hit> match(String line, Source where) {
    Matcher link = LINK.matcher(line);
    if (link.find()) {
      return tool(link.group("name"), Optional.of(link.group("url"))).map(t -> hit(t, line, where));
    }
    Matcher plain = PLAIN.matcher(line);
    if (plain.find()) {
      return tool(plain.group("name"), Optional.empty()).map(t -> hit(t, line, where));
    }
    return Optional.empty();
  }

  private static Optional<String> tool(String name, Optional<String> url) {
    return Tools.exact(name).or(() -> url.flatMap(VendorLines::byHost));
  }

  private static Optional<String> byHost(String url) {
    Matcher m = HOST.matcher(url.strip().toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return Optional.empty();
    }
    String host = m.group(1);
    return HOSTS.entrySet().stream()
        .filter(e -> host.equals(e.getKey()) || host.endsWith("." + e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static Hit hit(String tool, String line, Source where) {
    return Hit.declared(where, Optional.of(tool), Optional.empty(), AiLevel.SUBSTANTIAL, line);
  }
}
