package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static dev.scrutineer.analysis.provenance.Fixtures.pr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.PullRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who made a commit or a pull request: agents by numeric id, people never, review bots never. */
class IdentitiesTest {
  private final ProvenanceDetector detector = new ProvenanceDetector();

  private Provenance detect(Commit commit) {
    return detector.detect(change(commit), Optional.empty());
  }

  @Test
  void anAgentWhoseLoginWasRenamedIsStillKnownByItsId() {
    Commit commit =
        commit("Fix the build")
            .author("renamed-app[bot] <198982749+renamed-app[bot]@users.noreply.github.com>")
            .build();

    Provenance provenance = detect(commit);

    assertThat(provenance.level()).isEqualTo(AiLevel.GENERATED);
    assertThat(provenance.tools()).containsExactly("GitHub Copilot");
    assertThat(provenance.signals())
        .extracting(ProvenanceSignal::source, ProvenanceSignal::declared)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("author", false),
            org.assertj.core.groups.Tuple.tuple("committer", false));
  }

  @Test
  void aPersonWithALookAlikeLoginIsNoAgent() {
    Commit commit =
        commit("Fix the build").author("claude <4242+claude@users.noreply.github.com>").build();

    Provenance provenance = detect(commit);

    assertThat(provenance.signals()).isEmpty();
    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
  }

  @Test
  void theIdDecidesEvenWhenTheLoginLooksLikeAnAgentApp() {
    Commit commit =
        commit("Fix the build")
            .author("claude[bot] <4242+claude[bot]@users.noreply.github.com>")
            .build();

    assertThat(detect(commit).signals()).isEmpty();
  }

  @Test
  void aPersonCalledClaudeIsNoCoAuthorSignal() {
    Commit commit =
        commit(
                """
                Fix the build

                Co-authored-by: Claude Monet <claude@monet.example>
                Co-authored-by: Claude <claude.dupont@example.org>
                Co-authored-by: claude <4242+claude@users.noreply.github.com>
                """)
            .build();

    assertThat(detect(commit).signals()).isEmpty();
  }

  @Test
  void aGitHubPersonOpeningAPullRequestAsClaudeIsNoAgent() {
    PullRequest pr = pr().author("claude", "User").build();

    assertThat(detector.detect(change(), Optional.of(pr)).signals()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "copilot-pull-request-reviewer[bot] <175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com>",
        "coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>",
        "gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>",
        "cursor[bot] <206951365+cursor[bot]@users.noreply.github.com>"
      })
  void reviewBotsAreNotAuthors(String reviewer) {
    Commit authored = commit("Apply review suggestion").author(reviewer).build();
    Commit coAuthored = commit("Apply review suggestion\n\nCo-authored-by: " + reviewer).build();

    Provenance provenance = detector.detect(change(authored, coAuthored), Optional.empty());

    assertThat(provenance.signals()).isEmpty();
    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "coderabbitai[bot]",
        "copilot-pull-request-reviewer[bot]",
        "gemini-code-assist[bot]"
      })
  void reviewBotsOpeningNothingAreNotPullRequestAuthors(String login) {
    PullRequest pr = pr().author(login, "Bot").build();

    assertThat(detector.detect(change(), Optional.of(pr)).signals()).isEmpty();
  }

  @Test
  void aiderNameSuffixIsDetectedOnAuthorAndCommitter() {
    Commit commit =
        commit("Add retries")
            .author("Ada Lovelace (aider) <ada@example.org>")
            .committer("Ada Lovelace (aider) <ada@example.org>")
            .build();

    Provenance provenance = detect(commit);

    assertThat(provenance.signals())
        .extracting(ProvenanceSignal::source)
        .containsExactly("author", "committer");
    assertThat(provenance.signals())
        .allSatisfy(
            s -> {
              assertThat(s.tool()).contains("Aider");
              assertThat(s.declared()).isFalse();
              assertThat(s.level()).isEqualTo(AiLevel.SUBSTANTIAL);
            });
  }

  @Test
  void aiderSubjectPrefixIsADeclaration() {
    Commit commit = commit("aider: Add retries to the HTTP client").build();

    Provenance provenance = detect(commit);

    assertThat(provenance.signals())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.source()).isEqualTo("message");
              assertThat(s.tool()).contains("Aider");
              assertThat(s.declared()).isTrue();
              assertThat(s.evidence()).isEqualTo("aider: Add retries to the HTTP client");
            });
  }

  @Test
  void anAiSignOffIsAFindingOfItsOwn() {
    Commit commit =
        commit(
                """
                Fix the build

                Signed-off-by: Ada Lovelace <ada@example.org>
                Signed-off-by: Claude <noreply@anthropic.com>
                Signed-off-by: GitHub Copilot
                """)
            .build();

    Provenance provenance = detect(commit);

    assertThat(provenance.signals())
        .extracting(
            ProvenanceSignal::source, s -> s.tool().orElseThrow(), ProvenanceSignal::evidence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "signed-off-by", "Claude Code", "Signed-off-by: Claude <noreply@anthropic.com>"),
            org.assertj.core.groups.Tuple.tuple(
                "signed-off-by", "GitHub Copilot", "Signed-off-by: GitHub Copilot"));
  }

  @Test
  void aPersonsSignOffIsNothing() {
    Commit commit =
        commit("Fix\n\nSigned-off-by: Claude Shannon <claude@bell-labs.example>").build();

    assertThat(detect(commit).signals()).isEmpty();
  }
}
