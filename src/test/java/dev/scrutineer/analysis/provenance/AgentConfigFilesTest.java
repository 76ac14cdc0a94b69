package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static dev.scrutineer.analysis.provenance.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Agent instruction files in the diff: evidence to show, never a level on their own. */
class AgentConfigFilesTest {
  private final ProvenanceDetector detector = new ProvenanceDetector();

  private Provenance detect(ChangeType type, String path) {
    return detector.detect(
        change(List.of(commit("Update docs").build()), List.of(file(type, path))),
        Optional.empty());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "CLAUDE.md, Claude Code",
        "services/billing/claude.md, Claude Code",
        ".claude/commands/review.md, Claude Code",
        "AGENTS.md, none",
        "docs/AGENTS.md, none",
        ".cursor/rules/style.mdc, Cursor",
        ".cursorrules, Cursor",
        ".github/copilot-instructions.md, GitHub Copilot",
        "GEMINI.md, Gemini",
        ".aider.conf.yml, Aider",
        ".aiderignore, Aider"
      })
  void agentConfigFilesAreEvidence(String path, String tool) {
    Provenance provenance = detect(ChangeType.MODIFIED, path);

    assertThat(provenance.signals())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.source()).isEqualTo("agent-config");
              assertThat(s.evidence()).isEqualTo(path);
              assertThat(s.tool()).isEqualTo(Optional.ofNullable(tool));
              assertThat(s.commitId()).isEmpty();
              assertThat(s.declared()).isFalse();
              assertThat(s.level()).isEqualTo(AiLevel.NONE);
            });
    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
    assertThat(provenance.undeclared()).isFalse();
  }

  @Test
  void anAddedFileCountsAsMuchAsAChangedOne() {
    assertThat(detect(ChangeType.ADDED, "CLAUDE.md").signals())
        .extracting(ProvenanceSignal::evidence)
        .containsExactly("CLAUDE.md");
  }

  @Test
  void aDeletedAgentFileIsNoEvidence() {
    assertThat(detect(ChangeType.DELETED, "CLAUDE.md").signals()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"README.md", "docs/claude-notes.md", "src/agents/Agent.java", "cursorrules.txt"})
  void otherFilesAreNot(String path) {
    assertThat(detect(ChangeType.MODIFIED, path).signals()).isEmpty();
  }
}
