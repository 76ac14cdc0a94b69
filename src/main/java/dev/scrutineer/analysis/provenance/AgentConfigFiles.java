package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Agent instruction files added or changed in the diff. Worth showing, but a person edits them as
 * often as an agent does, so they imply no level ({@link AiLevel#NONE}) and are never declared.
 */
final class AgentConfigFiles {
  /** A path pattern, matched case-insensitively, and the tool that reads the file if only one. */
  private record ConfigFile(Pattern path, Optional<String> tool) {}

  private static final List<ConfigFile> FILES =
      List.of(
          file("(?:^|/)claude(?:\\.local)?\\.md$", "Claude Code"),
          file("(?:^|/)\\.claude/", "Claude Code"),
          // AGENTS.md is a shared convention read by Codex, Jules, Cursor, Copilot and others.
          new ConfigFile(pattern("(?:^|/)agents\\.md$"), Optional.empty()),
          file("(?:^|/)\\.cursor/rules(?:/|$)", "Cursor"),
          file("(?:^|/)\\.cursorrules$", "Cursor"),
          file("(?:^|/)\\.github/copilot-instructions\\.md$", "GitHub Copilot"),
          file("(?:^|/)\\.github/instructions/[^/]+\\.instructions\\.md$", "GitHub Copilot"),
          file("(?:^|/)gemini\\.md$", "Gemini"),
          file("(?:^|/)\\.aider[^/]*$", "Aider"),
          file("(?:^|/)\\.clinerules(?:/|$)", "Cline"),
          file("(?:^|/)\\.windsurfrules$", "Windsurf"));

  private AgentConfigFiles() {}

  static List<Hit> find(List<FileChange> files) {
    List<Hit> hits = new ArrayList<>();
    for (FileChange file : files) {
      if (file.type() == ChangeType.DELETED) {
        continue;
      }
      String path = file.path();
      FILES.stream()
          .filter(f -> f.path().matcher(path).find())
          .findFirst()
          .ifPresent(
              f -> hits.add(Hit.detected(Source.AGENT_CONFIG, f.tool(), AiLevel.NONE, path)));
    }
    return hits;
  }

  private static ConfigFile file(String regex, String tool) {
    return new ConfigFile(pattern(regex), Optional.of(tool));
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
