package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static dev.scrutineer.analysis.provenance.Fixtures.pr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.PullRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue's levels, per commit and for the whole change. */
class LevelsTest {
  private static final String COPILOT =
      "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>";

  private final ProvenanceDetector detector = new ProvenanceDetector();

  private AiLevel level(Commit... commits) {
    return detector.detect(change(commits), Optional.empty()).level();
  }

  @Test
  void noSignalIsNoneNeverHumanWritten() {
    Provenance provenance = detector.detect(change(commit("Fix typo").build()), Optional.empty());

    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
    assertThat(provenance.declared()).isFalse();
    assertThat(provenance.undeclared()).isFalse();
    assertThat(provenance.canonicalTrailer()).isEmpty();
    assertThat(provenance.commits())
        .singleElement()
        .satisfies(c -> assertThat(c.signals()).isEmpty());
  }

  @Test
  void assistedByIsAssisted() {
    assertThat(level(commit("Fix\n\nAssisted-by: Claude Code").build()))
        .isEqualTo(AiLevel.ASSISTED);
  }

  @Test
  void aCoAuthorLineAloneIsAssisted() {
    assertThat(level(commit("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>").build()))
        .isEqualTo(AiLevel.ASSISTED);
  }

  @Test
  void aVendorCoAuthorWithAGeneratedWithLineIsSubstantial() {
    Commit commit =
        commit(
                """
                Add the export endpoint

                🤖 Generated with [Claude Code](https://claude.com/claude-code)

                Co-Authored-By: Claude <noreply@anthropic.com>
                """)
            .build();

    Provenance provenance = detector.detect(change(commit), Optional.empty());

    assertThat(provenance.level()).isEqualTo(AiLevel.SUBSTANTIAL);
    assertThat(provenance.commits())
        .singleElement()
        .satisfies(c -> assertThat(c.level()).isEqualTo(AiLevel.SUBSTANTIAL));
    assertThat(provenance.signals())
        .extracting(s -> s.source())
        .containsExactly("message", "trailer");
  }

  @Test
  void generatedByIsGenerated() {
    assertThat(level(commit("Fix\n\nGenerated-by: GitHub Copilot").build()))
        .isEqualTo(AiLevel.GENERATED);
  }

  @Test
  void agentSessionTrailersWithNoHumanFixUpAreGenerated() {
    Commit first = commit("Plan\n\nClaude-Session: https://claude.ai/code/session_1").build();
    Commit second = commit("Implement\n\nClaude-Session: https://claude.ai/code/session_1").build();

    assertThat(level(first, second)).isEqualTo(AiLevel.GENERATED);
  }

  @Test
  void agentCommitsAloneAreGenerated() {
    assertThat(
            level(
                commit("Initial plan").author(COPILOT).build(),
                commit("Fix").author(COPILOT).build()))
        .isEqualTo(AiLevel.GENERATED);
  }

  @Test
  void agentCommitsMixedWithAHumanFixUpAreSubstantial() {
    Commit agent = commit("Add endpoint").author(COPILOT).build();
    Commit human = commit("Fix the null check the agent missed").build();

    Provenance provenance = detector.detect(change(agent, human), Optional.empty());

    assertThat(provenance.level()).isEqualTo(AiLevel.SUBSTANTIAL);
    assertThat(provenance.commits())
        .extracting(CommitProvenance::level)
        .containsExactly(AiLevel.GENERATED, AiLevel.NONE);
  }

  @Test
  void aHumanCommitMadeWithAnAssistantAlsoMakesAMix() {
    Commit agent = commit("Add endpoint").author(COPILOT).build();
    Commit human = commit("Tidy up\n\nAssisted-by: Claude Code").build();

    assertThat(level(agent, human)).isEqualTo(AiLevel.SUBSTANTIAL);
  }

  @Test
  void aMergeCommitIsNoHumanFixUp() {
    Commit agent = commit("Add endpoint").author(COPILOT).build();
    Commit merge = commit("Merge branch 'main' into copilot/add-endpoint").merge().build();

    assertThat(level(agent, merge)).isEqualTo(AiLevel.GENERATED);
  }

  @Test
  void aDependencyBotCommitIsNoHumanFixUp() {
    Commit agent = commit("Add endpoint").author(COPILOT).build();
    Commit bot =
        commit("Bump jackson")
            .author("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>")
            .build();

    assertThat(level(agent, bot)).isEqualTo(AiLevel.GENERATED);
  }

  @Test
  void anAgentPullRequestWithAHumanCommitIsSubstantial() {
    PullRequest pr = pr().author("Copilot", "Bot").branch("copilot/fix-login").build();

    Provenance provenance =
        detector.detect(change(commit("Fix the login form").build()), Optional.of(pr));

    assertThat(provenance.level()).isEqualTo(AiLevel.SUBSTANTIAL);
  }

  @Test
  void anAgentPullRequestOfAgentCommitsIsGenerated() {
    PullRequest pr = pr().author("Copilot", "Bot").branch("copilot/fix-login").build();

    Provenance provenance =
        detector.detect(
            change(commit("Fix the login form").author(COPILOT).build()), Optional.of(pr));

    assertThat(provenance.level()).isEqualTo(AiLevel.GENERATED);
    assertThat(provenance.undeclared()).isTrue();
  }

  @Test
  void theChangeTakesTheHighestCommitLevel() {
    Commit assisted = commit("One\n\nAssisted-by: Cursor").build();
    Commit substantial =
        commit("Two\n\n🤖 Generated with [Claude Code](https://claude.ai/code)").build();

    assertThat(level(assisted, substantial)).isEqualTo(AiLevel.SUBSTANTIAL);
  }

  @Test
  void velocityNeverChangesTheLevel() {
    Commit first = commit("One").minutesAfterStart(0).lines(1, 0).build();
    Commit burst = commit("Two").minutesAfterStart(0).lines(5000, 3000).build();

    Provenance provenance = detector.detect(change(first, burst), Optional.empty());

    assertThat(provenance.velocity())
        .singleElement()
        .satisfies(v -> assertThat(v.linesPerMinute()).isEqualTo(8000.0));
    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
  }
}
