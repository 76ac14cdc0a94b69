package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per signature of the catalogue's trailer and vendor tables, read from a commit. */
class VendorSignaturesTest {
  /** What a signal should say, compared field by field so a failure names the field. */
  record Expected(
      String source, String tool, String model, AiLevel level, boolean declared, String evidence) {
    static Expected of(ProvenanceSignal s) {
      return new Expected(
          s.source(),
          s.tool().orElse(""),
          s.model().orElse(""),
          s.level(),
          s.declared(),
          s.evidence());
    }
  }

  private static Arguments trailer(String line, String tool, String model, AiLevel level) {
    return arguments(
        line,
        commit("Change something\n\nBody text.\n\n" + line).build(),
        new Expected("trailer", tool, model, level, true, line));
  }

  private static Arguments author(String ident, String tool) {
    return arguments(
        "author " + ident,
        commit("Change something").author(ident).build(),
        new Expected("author", tool, "", AiLevel.GENERATED, false, ident));
  }

  private static Arguments committer(String ident, String tool) {
    return arguments(
        "committer " + ident,
        commit("Change something").committer(ident).build(),
        new Expected("committer", tool, "", AiLevel.GENERATED, false, ident));
  }

  private static Arguments bodyLine(String line, String tool) {
    return arguments(
        line,
        commit("Change something\n\n" + line + "\n").build(),
        new Expected("message", tool, "", AiLevel.SUBSTANTIAL, true, line));
  }

  static Stream<Arguments> signatures() {
    AiLevel a = AiLevel.ASSISTED;
    AiLevel g = AiLevel.GENERATED;
    return Stream.of(
        // Policy-grade trailers.
        trailer(
            "Assisted-by: Claude:claude-3-opus coccinelle sparse",
            "Claude Code",
            "claude-3-opus",
            a),
        trailer("Assisted-by: GitHub Copilot", "GitHub Copilot", "", a),
        trailer(
            "Assisted-By: Claude Sonnet 4.5 for the test data",
            "Claude Code",
            "Claude Sonnet 4.5",
            a),
        trailer("Assisted-by: an internal model", "", "", a),
        trailer("Generated-by: OpenAI Codex", "OpenAI Codex", "", g),
        trailer("Generated-By: gpt-5-codex", "OpenAI Codex", "gpt-5-codex", g),
        trailer("Synthesized-by: Devin from the spec", "Devin", "", g),
        // Claude Code.
        trailer("Co-Authored-By: Claude <noreply@anthropic.com>", "Claude Code", "", a),
        trailer(
            "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>",
            "Claude Code",
            "Claude Opus 4.5",
            a),
        bodyLine("🤖 Generated with [Claude Code](https://claude.com/claude-code)", "Claude Code"),
        bodyLine("🤖 Generated with [Claude Code](https://claude.ai/code)", "Claude Code"),
        trailer("Claude-Session: https://claude.ai/code/session_01abc", "Claude Code", "", g),
        committer("claude[bot] <209825114+claude[bot]@users.noreply.github.com>", "Claude Code"),
        committer(
            "anthropic-claude[bot] <215619710+anthropic-claude[bot]@users.noreply.github.com>",
            "Claude Code"),
        author(
            "claude-code-action[bot] <208546643+claude-code-action[bot]@users.noreply.github.com>",
            "Claude Code"),
        // GitHub Copilot.
        author(
            "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
            "GitHub Copilot"),
        trailer(
            "Agent-Logs-Url: https://github.com/acme/shop/sessions/5f0c", "GitHub Copilot", "", g),
        trailer(
            "Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>",
            "GitHub Copilot",
            "",
            a),
        committer(
            "copilot[bot] <167198135+copilot[bot]@users.noreply.github.com>", "GitHub Copilot"),
        // Cursor.
        trailer("Co-authored-by: Cursor <cursoragent@cursor.com>", "Cursor", "", a),
        trailer("Co-authored-by: Cursor <sos@cursor.sh>", "Cursor", "", a),
        trailer("Made-with: Cursor", "Cursor", "", g),
        bodyLine("Made with [Cursor](https://cursor.com)", "Cursor"),
        author("Cursor Agent <cursoragent@cursor.com>", "Cursor"),
        // Aider.
        trailer("Co-authored-by: aider (gpt-4o) <noreply@aider.chat>", "Aider", "gpt-4o", a),
        // OpenAI Codex.
        trailer("Co-authored-by: Codex <noreply@openai.com>", "OpenAI Codex", "", a),
        trailer("Co-authored-by: Codex <codex@openai.com>", "OpenAI Codex", "", a),
        author(
            "openai-codex[bot] <215057067+openai-codex[bot]@users.noreply.github.com>",
            "OpenAI Codex"),
        author(
            "chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>",
            "OpenAI Codex"),
        // Devin.
        author(
            "devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
            "Devin"),
        trailer(
            "Co-Authored-By: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
            "Devin",
            "",
            a),
        bodyLine("Generated with [Devin](https://devin.ai/sessions/abc)", "Devin"),
        // The other agents of the catalogue.
        author(
            "google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>",
            "Google Jules"),
        author(
            "amazon-q-developer[bot] <208079219+amazon-q-developer[bot]@users.noreply.github.com>",
            "Amazon Q Developer"),
        author("cline[bot] <205137888+cline[bot]@users.noreply.github.com>", "Cline"),
        author("continue[bot] <230936708+continue[bot]@users.noreply.github.com>", "Continue"),
        author(
            "sourcegraph-cody[bot] <201248094+sourcegraph-cody[bot]@users.noreply.github.com>",
            "Sourcegraph Cody"),
        author(
            "jetbrains-ai[bot] <220155983+jetbrains-ai[bot]@users.noreply.github.com>",
            "JetBrains AI"),
        author("OpenHands <openhands@all-hands.dev>", "OpenHands"),
        // Entire.
        trailer("Entire-Session: 2026-01-05-9f3a", "Entire", "", g),
        trailer("Entire-Checkpoint: 4d2e", "Entire", "", g),
        trailer("Entire-Metadata: .entire/metadata/9f3a", "Entire", "", g),
        trailer("Entire-Agent: Claude Code", "Claude Code", "", g));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void findsTheSignature(String name, Commit commit, Expected expected) {
    Provenance provenance = new ProvenanceDetector().detect(change(commit), Optional.empty());

    assertThat(provenance.signals()).extracting(Expected::of).contains(expected);
    assertThat(provenance.signals())
        .allSatisfy(s -> assertThat(s.commitId()).contains(commit.id()));
    assertThat(provenance.level()).isGreaterThanOrEqualTo(expected.level());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void findsTheSignatureWhateverTheCase(String name, Commit commit, Expected expected) {
    Commit shouting =
        new Commit(
            commit.id(),
            commit.parentIds(),
            upper(commit.author()),
            commit.authoredAt(),
            upper(commit.committer()),
            commit.committedAt(),
            commit.message().toUpperCase(java.util.Locale.ROOT),
            Fixtures.trailers(commit.message().toUpperCase(java.util.Locale.ROOT)),
            commit.linesAdded(),
            commit.linesDeleted());

    Provenance provenance = new ProvenanceDetector().detect(change(shouting), Optional.empty());

    assertThat(provenance.signals())
        .anySatisfy(
            s -> {
              assertThat(s.source()).isEqualTo(expected.source());
              assertThat(s.tool().orElse("")).isEqualTo(expected.tool());
              assertThat(s.level()).isEqualTo(expected.level());
            });
  }

  private static dev.scrutineer.model.Person upper(dev.scrutineer.model.Person p) {
    return new dev.scrutineer.model.Person(
        p.name().toUpperCase(java.util.Locale.ROOT), p.email().toUpperCase(java.util.Locale.ROOT));
  }
}
