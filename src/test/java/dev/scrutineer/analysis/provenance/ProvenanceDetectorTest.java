package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static dev.scrutineer.analysis.provenance.Fixtures.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Trailer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How signals of commits and pull request add up to one provenance. */
class ProvenanceDetectorTest {
  private final ProvenanceDetector detector = new ProvenanceDetector();

  @Test
  void signalsListCommitsOldestFirstThenThePullRequest() {
    Commit first = commit("One\n\nAssisted-by: Cursor").id("c1").build();
    Commit second = commit("Two\n\nGenerated-by: Devin").id("c2").build();
    PullRequest pr = pr().labels("ai-assisted").build();

    Provenance provenance = detector.detect(change(first, second), Optional.of(pr));

    assertThat(provenance.signals())
        .extracting(s -> s.commitId().orElse(""), ProvenanceSignal::source)
        .containsExactly(tuple("c1", "trailer"), tuple("c2", "trailer"), tuple("", "pr-label"));
    assertThat(provenance.commits()).extracting(c -> c.commitId()).containsExactly("c1", "c2");
  }

  @Test
  void toolsAndModelsAreSortedAndDistinct() {
    Commit a = commit("One\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>").build();
    Commit b = commit("Two\n\nAssisted-by: Cursor:gpt-5").build();
    Commit c = commit("Three\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>").build();

    Provenance provenance = detector.detect(change(a, b, c), Optional.empty());

    assertThat(provenance.tools()).containsExactly("Claude Code", "Cursor");
    assertThat(provenance.models()).containsExactly("Claude Opus 4.5", "gpt-5");
  }

  @Test
  void declaredWhenAnySignalIsAnAuthorsDisclosure() {
    Commit agent =
        commit("Fix")
            .author("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>")
            .build();

    Provenance undeclared = detector.detect(change(agent), Optional.empty());
    Provenance declared =
        detector.detect(change(agent), Optional.of(pr().labels("🤖 Copilot").build()));

    assertThat(undeclared.declared()).isFalse();
    assertThat(undeclared.undeclared()).isTrue();
    assertThat(declared.declared()).isTrue();
    assertThat(declared.undeclared()).isFalse();
  }

  @Test
  void evidenceIsTheInputTrimmed() {
    Commit commit =
        commit("Add export\n\n   🤖 Generated with [Claude Code](https://claude.ai/code)   \n")
            .build();

    assertThat(detector.detect(change(commit), Optional.empty()).signals())
        .extracting(ProvenanceSignal::evidence)
        .containsExactly("🤖 Generated with [Claude Code](https://claude.ai/code)");
  }

  @Test
  void aDisclosureOutsideTheTrailerBlockStillCounts() {
    Commit commit =
        commit(
                """
                Add export

                Assisted-by: Claude Code

                The exporter streams rows instead of loading them all.
                """)
            .build();

    assertThat(detector.detect(change(commit), Optional.empty()).signals())
        .extracting(ProvenanceSignal::source, s -> s.tool().orElse(""), ProvenanceSignal::level)
        .containsExactly(tuple("message", "Claude Code", AiLevel.ASSISTED));
  }

  @Test
  void aTrailerIsCountedOnceThoughTheMessageAlsoHoldsIt() {
    Commit commit = commit("Add export\n\nCo-authored-by: Cursor <cursoragent@cursor.com>").build();

    assertThat(commit.trailers()).hasSize(1);
    assertThat(detector.detect(change(commit), Optional.empty()).signals())
        .extracting(ProvenanceSignal::source)
        .containsExactly("trailer");
  }

  @Test
  void parsedTrailersAreReadEvenWhenTheMessageLacksThem() {
    Commit bare = commit("Add export").build();
    Commit commit =
        new Commit(
            bare.id(),
            bare.parentIds(),
            bare.author(),
            bare.authoredAt(),
            bare.committer(),
            bare.committedAt(),
            bare.message(),
            List.of(new Trailer("ASSISTED-BY", "  claude-code:claude-opus-4-5 ")),
            bare.linesAdded(),
            bare.linesDeleted());

    assertThat(detector.detect(change(commit), Optional.empty()).signals())
        .extracting(ProvenanceSignal::evidence, s -> s.tool().orElse(""), s -> s.model().orElse(""))
        .containsExactly(
            tuple("ASSISTED-BY: claude-code:claude-opus-4-5", "Claude Code", "claude-opus-4-5"));
  }

  @Test
  void aGeneratedWithLineInProseIsNotTakenForTheVendorLine() {
    Commit commit =
        commit(
                "Drop the footer\n\nWe no longer add \"Generated with [Claude Code](https://claude.ai/code)\".")
            .build();

    assertThat(detector.detect(change(commit), Optional.empty()).signals()).isEmpty();
  }

  @Test
  void anEmptyChangeWithoutPullRequestIsNone() {
    Provenance provenance = detector.detect(change(), Optional.empty());

    assertThat(provenance.level()).isEqualTo(AiLevel.NONE);
    assertThat(provenance.signals()).isEmpty();
    assertThat(provenance.commits()).isEmpty();
    assertThat(provenance.velocity()).isEmpty();
  }
}
