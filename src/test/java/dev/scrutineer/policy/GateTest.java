package dev.scrutineer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.ownership.CodeOwners;
import dev.scrutineer.config.ConfigLoader;
import dev.scrutineer.config.Teams;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.GateResult;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.RequirementKind;
import dev.scrutineer.model.RequirementStatus;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewStanding;
import dev.scrutineer.model.ReviewState;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import dev.scrutineer.policy.Analyses.Facts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {
  private static final CodeOwners OWNERS =
      CodeOwners.parse(
          "* @shop/backend\n/src/security/ @shop/security\n*.md docs@shop.example\n", "CODEOWNERS");
  private static final Teams TEAMS =
      new Teams(
          Map.of(
              "@shop/backend", Set.of("ana", "sam"),
              "@shop/security", Set.of("sam"),
              "docs@shop.example", Set.of("dora")));

  private static Facts facts(AiLevel ai, boolean declared, Set<Surface> surfaces, String... files) {
    return new Facts(ai, declared, surfaces, List.of(files), 10, List.of(), 0, List.of());
  }

  private static GateResult gate(String policyYaml, Analysis analysis, Review... reviews) {
    var policy = ConfigLoader.load(policyYaml, "scrutineer.yml").policy();
    var required = new ScrutinyPolicy(policy).require(analysis, Optional.empty(), OWNERS);
    return Gate.evaluate(
        required, analysis, new ReviewContext(List.of(reviews), TEAMS, List.of(), false));
  }

  private static Review review(String login, ReviewState state, String commit) {
    return new Review(login, "User", state, commit, Optional.empty(), false);
  }

  private static Optional<RequirementStatus> status(GateResult result, String id) {
    return result.statuses().stream().filter(s -> s.requirement().id().equals(id)).findFirst();
  }

  @Test
  void onlyApprovalsOfTheCurrentHeadCountAndTheLatestDecisiveReviewWins() {
    Analysis analysis = Analyses.of(facts(AiLevel.NONE, false, Set.of(), "src/App.java"));
    GateResult result =
        gate(
            "",
            analysis,
            review("ana", ReviewState.APPROVED, Analyses.EARLIER),
            review("sam", ReviewState.APPROVED, Analyses.HEAD),
            review("sam", ReviewState.COMMENTED, Analyses.HEAD),
            review("lee", ReviewState.APPROVED, Analyses.HEAD),
            review("lee", ReviewState.CHANGES_REQUESTED, Analyses.HEAD),
            review("omar", ReviewState.APPROVED, Analyses.HEAD),
            review("omar", ReviewState.DISMISSED, Analyses.HEAD));

    assertThat(result.reviews())
        .extracting(ReviewStanding::login, ReviewStanding::counts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ana", false),
            org.assertj.core.groups.Tuple.tuple("sam", true),
            org.assertj.core.groups.Tuple.tuple("lee", false),
            org.assertj.core.groups.Tuple.tuple("omar", false));
    assertThat(result.reviews().get(0).note()).startsWith("stale: approved bbbbbbbbbbbb");
    assertThat(result.required().tier()).isEqualTo(RiskTier.LOW);
    assertThat(status(result, "approvals")).get().satisfies(s -> assertThat(s.met()).isTrue());
    assertThat(result.passed()).isTrue();
  }

  @Test
  void theAuthorsOwnApprovalNeverCounts() {
    PullRequest pr =
        new PullRequest(Optional.of(1), "t", "", List.of(), "ana", "User", Optional.empty());
    Analysis analysis =
        Analyses.of(
            facts(AiLevel.NONE, false, Set.of(), "src/App.java"),
            List.of(Analyses.commit(Analyses.HUMAN, List.of())),
            Optional.of(pr));
    GateResult result = gate("", analysis, review("ana", ReviewState.APPROVED, Analyses.HEAD));
    assertThat(result.passed()).isFalse();
    assertThat(result.reviews().get(0).note()).isEqualTo("the pull request's author");
  }

  @Test
  void forAnAgentsChangeTheApprovalOfWhoeverAssignedItDoesNotCount() {
    // GitHub's coding agent: the PR author is Copilot, the assigner is a co-author of its commits.
    PullRequest pr =
        new PullRequest(
            Optional.of(9), "Fix", "", List.of(), "Copilot", "Bot", Optional.of("copilot/fix"));
    Analysis analysis =
        Analyses.of(
            facts(AiLevel.GENERATED, true, Set.of(), "src/App.java"),
            List.of(
                Analyses.commit(
                    Analyses.COPILOT_AGENT,
                    List.of(
                        new dev.scrutineer.model.Trailer(
                            "Co-authored-by", "Ana <17+ana@users.noreply.github.com>")))),
            Optional.of(pr));
    GateResult result =
        gate(
            "",
            analysis,
            review("ana", ReviewState.APPROVED, Analyses.HEAD),
            review("sam", ReviewState.APPROVED, Analyses.HEAD),
            new Review(
                "copilot-pull-request-reviewer[bot]",
                "Bot",
                ReviewState.APPROVED,
                Analyses.HEAD,
                Optional.empty(),
                false));

    assertThat(result.required().tier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.reviews())
        .extracting(ReviewStanding::login, ReviewStanding::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ana",
                "asked the agent for this change: for agent-authored changes another person"
                    + " approves"),
            org.assertj.core.groups.Tuple.tuple("sam", "approved the current head"),
            org.assertj.core.groups.Tuple.tuple(
                "copilot-pull-request-reviewer[bot]",
                "an AI review bot: its approval never counts"));
    assertThat(status(result, "approvals").orElseThrow().detail())
        .isEqualTo("1 of 2 approvals: 1 more from a person other than the author");
    assertThat(status(result, "approvals").orElseThrow().requirement().because())
        .endsWith("nor, as an agent wrote this change, the approval of whoever asked it");
  }

  @Test
  void codeOwnersAreSatisfiedByTeamMembersAndEmailOwnersThroughTheTeamsFile() {
    // AI assistance puts the change in the medium tier, which asks for owners of touched paths.
    Analysis analysis =
        Analyses.of(
            facts(AiLevel.ASSISTED, true, Set.of(), "src/security/Login.java", "README.md"));
    GateResult missing = gate("", analysis, review("ana", ReviewState.APPROVED, Analyses.HEAD));
    assertThat(missing.required().tier()).isEqualTo(RiskTier.MEDIUM);
    assertThat(status(missing, "code-owners:@shop/security"))
        .get()
        .satisfies(
            s -> {
              assertThat(s.met()).isFalse();
              assertThat(s.detail()).isEqualTo("needs an approval from one of @shop/security");
            });
    assertThat(status(missing, "code-owners:docs@shop.example"))
        .get()
        .satisfies(s -> assertThat(s.met()).isFalse());

    GateResult met =
        gate(
            "",
            analysis,
            review("sam", ReviewState.APPROVED, Analyses.HEAD),
            review("dora", ReviewState.APPROVED, Analyses.HEAD));
    assertThat(met.missing()).isEmpty();
    assertThat(status(met, "code-owners:docs@shop.example").orElseThrow().satisfiedBy())
        .containsExactly("dora");
  }

  @Test
  void undeclaredAssistanceIsAnActionItemWordedWithoutAccusation() {
    Analysis analysis = Analyses.of(facts(AiLevel.ASSISTED, false, Set.of(), "src/App.java"));
    GateResult result =
        gate(
            "",
            analysis,
            review("ana", ReviewState.APPROVED, Analyses.HEAD),
            review("dora", ReviewState.APPROVED, Analyses.HEAD));
    RequirementStatus disclosure = status(result, "disclosure").orElseThrow();
    assertThat(disclosure.met()).isFalse();
    assertThat(disclosure.detail())
        .contains("if a tool helped, add an Assisted-by: trailer")
        .doesNotContainIgnoringCase("violat")
        .doesNotContainIgnoringCase("hid");
  }

  @Test
  void surfaceReviewersEvidenceAndDrillsFollowTheConfiguredTier() {
    String policy =
        """
        policy:
          high:
            surface-reviewers: {authn-authz: ["@shop/security"]}
            evidence: [tests-reach-change, rollout-plan, drill-acknowledged]
        """;
    PullRequest pr =
        new PullRequest(
            Optional.of(3),
            "Login",
            "Why.\n\n## Rollout plan\nBehind the new-login flag, 5% first.\n",
            List.of("drill-acknowledged"),
            "ana",
            "User",
            Optional.empty());
    Analysis analysis =
        Analyses.of(
            facts(AiLevel.NONE, false, Set.of(Surface.AUTH), "src/security/Login.java"),
            List.of(Analyses.commit(Analyses.HUMAN, List.of())),
            Optional.of(pr));
    GateResult result = gate(policy, analysis, review("sam", ReviewState.APPROVED, Analyses.HEAD));

    assertThat(result.required().tier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.required().requirements())
        .extracting(r -> r.kind())
        .contains(RequirementKind.SURFACE_REVIEW, RequirementKind.EVIDENCE);
    assertThat(status(result, "surface:authn-authz").orElseThrow().met()).isTrue();
    assertThat(status(result, "evidence:rollout-plan").orElseThrow().detail())
        .isEqualTo("PR body: ## Rollout plan");
    assertThat(status(result, "evidence:drill-acknowledged").orElseThrow().detail())
        .isEqualTo("label drill-acknowledged");
    assertThat(status(result, "evidence:tests-reach-change").orElseThrow().met()).isFalse();
    assertThat(status(result, "approvals").orElseThrow().detail())
        .isEqualTo("1 of 2 approvals: 1 more from a person other than the author");
  }

  @Test
  void withoutCodeOwnersTheGateSaysSoInsteadOfRequiringNobody() {
    Analysis analysis = Analyses.of(facts(AiLevel.ASSISTED, true, Set.of(), "src/App.java"));
    var required =
        new ScrutinyPolicy(ConfigLoader.load("", "x").policy())
            .require(analysis, Optional.empty(), CodeOwners.none());
    assertThat(required.requirements()).noneMatch(r -> r.kind() == RequirementKind.CODE_OWNERS);
    assertThat(required.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("no CODEOWNERS in the merge-base"));
  }
}
