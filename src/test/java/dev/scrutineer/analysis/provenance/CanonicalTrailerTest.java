package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static dev.scrutineer.analysis.provenance.Fixtures.pr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Provenance;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trailer offered for the squash-merge commit, so provenance survives the squash. */
class CanonicalTrailerTest {
  private final ProvenanceDetector detector = new ProvenanceDetector();

  private Optional<String> canonical(Commit... commits) {
    return detector.detect(change(commits), Optional.empty()).canonicalTrailer();
  }

  @Test
  void namesTheToolAndTheModel() {
    Commit commit =
        commit(
                """
                Add export

                🤖 Generated with [Claude Code](https://claude.com/claude-code)

                Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>
                """)
            .build();

    assertThat(canonical(commit)).contains("Assisted-by: Claude Code:Claude Opus 4.5");
  }

  @Test
  void generatedChangesGetGeneratedBy() {
    Commit commit =
        commit("Fix login")
            .author("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>")
            .build();

    assertThat(canonical(commit)).contains("Generated-by: GitHub Copilot");
  }

  @Test
  void severalToolsShareOneLine() {
    Commit claude = commit("One\n\nAssisted-by: Claude:claude-opus-4-5").build();
    Commit copilot =
        commit("Two\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>")
            .build();

    assertThat(canonical(claude, copilot))
        .contains("Assisted-by: Claude Code:claude-opus-4-5, GitHub Copilot");
  }

  @Test
  void aDisclosureWithoutAToolSaysSo() {
    Provenance provenance =
        detector.detect(change(), Optional.of(pr().labels("ai-assisted").build()));

    assertThat(provenance.canonicalTrailer()).contains("Assisted-by: unnamed AI tool");
  }

  @Test
  void noSignalNoTrailer() {
    assertThat(canonical(commit("Fix typo").build())).isEmpty();
  }

  @Test
  void agentConfigFilesNameNoAssistingTool() {
    Provenance provenance =
        detector.detect(
            change(
                java.util.List.of(commit("Docs\n\nAssisted-by: Cursor").build()),
                java.util.List.of(
                    Fixtures.file(dev.scrutineer.model.ChangeType.MODIFIED, "CLAUDE.md"))),
            Optional.empty());

    assertThat(provenance.canonicalTrailer()).contains("Assisted-by: Cursor");
    assertThat(provenance.tools()).containsExactly("Claude Code", "Cursor");
  }

  @Test
  void theCanonicalTrailerReadsBackAsTheSameTools() {
    Commit original =
        commit("One\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>").build();
    String trailer = canonical(original).orElseThrow();

    Provenance reread =
        detector.detect(change(commit("Squashed\n\n" + trailer).build()), Optional.empty());

    assertThat(reread.tools()).containsExactly("Claude Code");
    assertThat(reread.models()).containsExactly("Claude Sonnet 4.5");
    assertThat(reread.canonicalTrailer()).contains(trailer);
  }
}
