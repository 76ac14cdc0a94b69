package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.change;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Trailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Invariants of detection over generated changes and arbitrary text. */
class ProvenanceProperties {
  private final ProvenanceDetector detector = new ProvenanceDetector();

  /** Messages and authors from every family of signal, and none. */
  private static final List<String> MESSAGES =
      List.of(
          "Fix typo",
          "Fix\n\nAssisted-by: Claude Code",
          "Fix\n\nGenerated-by: GitHub Copilot",
          "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
          "Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n"
              + "Co-Authored-By: Claude <noreply@anthropic.com>",
          "Fix\n\nClaude-Session: https://claude.ai/code/session_1",
          "Fix\n\nMade-with: Cursor",
          "aider: fix the parser",
          "Fix\n\nSigned-off-by: Claude <noreply@anthropic.com>");

  private static final List<String> AUTHORS =
      List.of(
          "Ada Lovelace <ada@example.org>",
          "Grace Hopper <grace@example.org>",
          "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
          "devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
          "Ada Lovelace (aider) <ada@example.org>",
          "claude <4242+claude@users.noreply.github.com>");

  @Provide
  Arbitrary<Commit> commits() {
    return Combinators.combine(
            Arbitraries.of(MESSAGES),
            Arbitraries.of(AUTHORS),
            Arbitraries.integers().between(0, 600))
        .as(
            (message, author, minutes) ->
                commit(message).author(author).minutesAfterStart(minutes).build());
  }

  @Property
  void addingACommitNeverLowersTheLevelBelowItsOwnExceptForTheMixRule(
      @ForAll("commitLists") List<Commit> before, @ForAll("commits") Commit added) {
    List<Commit> after = new ArrayList<>(before);
    after.add(added);
    Provenance was = detector.detect(change(before, List.of()), Optional.empty());
    Provenance now = detector.detect(change(after, List.of()), Optional.empty());
    AiLevel own = now.commits().get(now.commits().size() - 1).level();

    // Agent work beside human commits is SUBSTANTIAL, so GENERATED may become SUBSTANTIAL only.
    assertThat(now.level()).isGreaterThanOrEqualTo(min(own, AiLevel.SUBSTANTIAL));
    assertThat(now.level()).isGreaterThanOrEqualTo(min(was.level(), AiLevel.SUBSTANTIAL));
  }

  @Property
  void theChangeTakesTheHighestCommitLevelSaveForTheMixRule(
      @ForAll("commitLists") List<Commit> commits) {
    Provenance provenance = detector.detect(change(commits, List.of()), Optional.empty());
    AiLevel highest =
        provenance.commits().stream()
            .map(CommitProvenance::level)
            .reduce(AiLevel.NONE, AiLevel::max);

    assertThat(provenance.level()).isLessThanOrEqualTo(highest);
    if (provenance.commits().stream().allMatch(c -> c.level() == AiLevel.GENERATED)) {
      assertThat(provenance.level()).isEqualTo(highest);
    }
    if (highest != AiLevel.GENERATED) {
      assertThat(provenance.level()).isEqualTo(highest);
    }
  }

  @Provide
  Arbitrary<List<Commit>> commitLists() {
    return commits().list().ofMaxSize(5);
  }

  @Property
  void detectionNeverThrowsOnArbitraryText(
      @ForAll String message,
      @ForAll String name,
      @ForAll String email,
      @ForAll String key,
      @ForAll String value,
      @ForAll String body,
      @ForAll String title,
      @ForAll @Size(max = 3) List<String> labels,
      @ForAll String login,
      @ForAll String branch) {
    Commit commit =
        new Commit(
            "c1",
            List.of(),
            new Person(name, email),
            Instant.EPOCH,
            new Person(name, email),
            Instant.EPOCH,
            message,
            List.of(new Trailer(key, value)),
            -1,
            -1);
    PullRequest pr =
        new PullRequest(Optional.empty(), title, body, labels, login, "Bot", Optional.of(branch));

    Provenance provenance = detector.detect(change(List.of(commit), List.of()), Optional.of(pr));

    assertThat(provenance.commits()).hasSize(1);
    assertThat(provenance.declared())
        .isEqualTo(provenance.signals().stream().anyMatch(ProvenanceSignal::declared));
    assertThat(provenance.signals()).allSatisfy(s -> assertThat(s.evidence()).isNotBlank());
    assertThat(provenance.tools()).isSortedAccordingTo(readingOrder()).doesNotHaveDuplicates();
    assertThat(provenance.canonicalTrailer().isPresent())
        .isEqualTo(provenance.level() != AiLevel.NONE);
  }

  @Property
  void aToolsOwnNameReadsBackAsThatTool(
      @ForAll("toolNames") String tool, @ForAll("keys") String key) {
    Commit commit = commit("Fix\n\n" + key + ": " + tool).build();

    Provenance provenance = detector.detect(change(commit), Optional.empty());

    assertThat(provenance.tools()).containsExactly(tool);
    assertThat(provenance.canonicalTrailer())
        .hasValueSatisfying(t -> assertThat(t).endsWith(": " + tool));
  }

  @Provide
  Arbitrary<String> toolNames() {
    return Arbitraries.of(
        "Claude Code",
        "GitHub Copilot",
        "Cursor",
        "Aider",
        "OpenAI Codex",
        "Devin",
        "Google Jules",
        "Amazon Q Developer",
        "Cline",
        "Continue",
        "Sourcegraph Cody",
        "JetBrains AI",
        "OpenHands",
        "Entire");
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("Assisted-by", "Generated-by", "Synthesized-by", "assisted-by");
  }

  private static Comparator<String> readingOrder() {
    return String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
  }

  private static AiLevel min(AiLevel a, AiLevel b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
