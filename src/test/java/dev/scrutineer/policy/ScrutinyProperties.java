package dev.scrutineer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.ownership.CodeOwners;
import dev.scrutineer.config.CodeOwnersScope;
import dev.scrutineer.config.EvidenceKind;
import dev.scrutineer.config.Glob;
import dev.scrutineer.config.PolicySpec;
import dev.scrutineer.config.SourceLine;
import dev.scrutineer.config.Teams;
import dev.scrutineer.config.TierSpec;
import dev.scrutineer.config.Triggers;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.GateResult;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.RequiredScrutiny;
import dev.scrutineer.model.Requirement;
import dev.scrutineer.model.RequirementStatus;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewStanding;
import dev.scrutineer.model.ReviewState;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Trailer;
import dev.scrutineer.policy.Analyses.Facts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The policy's invariants: more risk, reach or AI involvement never removes a requirement or lowers
 * one; approvals by bots never count; for an agent-authored change, the approval of whoever asked
 * the agent never counts.
 */
class ScrutinyProperties {
  private static final List<String> PATHS =
      List.of(
          "src/main/java/shop/web/OrderController.java",
          "src/main/java/shop/security/SecurityConfig.java",
          "src/main/java/shop/repository/OrderRepository.java",
          "src/main/resources/db/migration/V2__index.sql",
          "src/test/java/shop/OrderTest.java",
          "README.md",
          "docs/guide.md",
          "build.gradle");

  private static final CodeOwners OWNERS =
      CodeOwners.parse(
          """
          *                   @shop/backend
          /src/main/java/shop/security/  @shop/security @sam
          /src/main/java/shop/web/       @shop/web
          *.md                docs@shop.example
          /docs/
          /src/main/resources/db/        @shop/dba
          """,
          "CODEOWNERS");

  private static final List<String> HUMANS = List.of("ana", "sam", "lee", "omar", "dana-kim");
  private static final List<String> BOTS =
      List.of(
          "coderabbitai[bot]",
          "copilot-pull-request-reviewer[bot]",
          "gemini-code-assist[bot]",
          "Copilot",
          "dependabot[bot]");

  @Property
  void moreRiskReachOrAiNeverRemovesOrLowersARequirement(
      @ForAll("policies") PolicySpec policy,
      @ForAll("facts") Facts lower,
      @ForAll("facts") Facts more,
      @ForAll("risks") Optional<Risk> lowerRisk,
      @ForAll("risks") Optional<Risk> moreRisk) {
    Facts higher = raise(lower, more);
    Optional<Risk> higherRisk = raise(lowerRisk, moreRisk);
    ScrutinyPolicy scrutiny = new ScrutinyPolicy(policy);
    RequiredScrutiny low = scrutiny.require(Analyses.of(lower), lowerRisk, OWNERS);
    RequiredScrutiny high = scrutiny.require(Analyses.of(higher), higherRisk, OWNERS);

    assertThat(high.tier()).isGreaterThanOrEqualTo(low.tier());
    for (Requirement r : low.requirements()) {
      Optional<Requirement> same =
          high.requirements().stream().filter(h -> h.id().equals(r.id())).findFirst();
      assertThat(same).as("%s is still required with more risk", r.id()).isPresent();
      assertThat(same.get().approvals()).isGreaterThanOrEqualTo(r.approvals());
      assertThat(same.get().eligible()).containsAll(r.eligible());
      assertThat(same.get().paths()).containsAll(r.paths());
    }
  }

  @Property
  void theBuiltInPolicyIsMonotonicToo(
      @ForAll("facts") Facts lower,
      @ForAll("facts") Facts more,
      @ForAll("risks") Optional<Risk> lowerRisk,
      @ForAll("risks") Optional<Risk> moreRisk) {
    moreRiskReachOrAiNeverRemovesOrLowersARequirement(
        PolicySpec.builtin(), lower, more, lowerRisk, moreRisk);
  }

  @Property
  void approvalsByBotsNeverCount(
      @ForAll("facts") Facts facts,
      @ForAll("reviews") List<Review> reviews,
      @ForAll("botApprovals") List<Review> bots) {
    Analysis analysis = Analyses.of(facts);
    RequiredScrutiny required =
        new ScrutinyPolicy(PolicySpec.builtin()).require(analysis, Optional.empty(), OWNERS);
    GateResult without = Gate.evaluate(required, analysis, context(reviews, List.of()));
    List<Review> all = new ArrayList<>(reviews);
    all.addAll(bots);
    GateResult with = Gate.evaluate(required, analysis, context(all, List.of()));

    assertThat(with.statuses().stream().map(RequirementStatus::met))
        .containsExactlyElementsOf(
            without.statuses().stream().map(RequirementStatus::met).toList());
    for (RequirementStatus s : with.statuses()) {
      assertThat(s.satisfiedBy()).noneMatch(ScrutinyProperties::isBotLogin);
    }
    assertThat(with.reviews())
        .filteredOn(r -> isBotLogin(r.login()))
        .noneMatch(ReviewStanding::counts);
  }

  @Property
  void theApprovalOfWhoeverAskedTheAgentNeverCounts(
      @ForAll("facts") Facts facts,
      @ForAll("reviews") List<Review> reviews,
      @ForAll("humans") String requester,
      @ForAll boolean byAssignment) {
    // GitHub's coding agent commits as itself and names the person who assigned it as co-author.
    List<Trailer> trailers =
        byAssignment
            ? List.of()
            : List.of(
                new Trailer(
                    "Co-authored-by",
                    requester + " <42+" + requester + "@users.noreply.github.com>"));
    PullRequest pr =
        new PullRequest(
            Optional.of(7), "Fix", "", List.of(), "Copilot", "Bot", Optional.of("copilot/fix"));
    Analysis analysis =
        Analyses.of(
            facts, List.of(Analyses.commit(Analyses.COPILOT_AGENT, trailers)), Optional.of(pr));
    RequiredScrutiny required =
        new ScrutinyPolicy(PolicySpec.builtin()).require(analysis, Optional.empty(), OWNERS);
    List<Review> all = new ArrayList<>(reviews);
    all.add(approval(requester, "User", Analyses.HEAD));
    GateResult result =
        Gate.evaluate(
            required, analysis, context(all, byAssignment ? List.of(requester) : List.of()));

    assertThat(result.reviews())
        .filteredOn(r -> r.login().equals(requester))
        .singleElement()
        .satisfies(r -> assertThat(r.counts()).isFalse());
    for (RequirementStatus s : result.statuses()) {
      assertThat(s.satisfiedBy()).doesNotContain(requester);
    }
  }

  private static boolean isBotLogin(String login) {
    return BOTS.stream().anyMatch(b -> b.equalsIgnoreCase(login));
  }

  private static ReviewContext context(List<Review> reviews, List<String> assignees) {
    Teams teams =
        new Teams(
            Map.of(
                "@shop/backend", Set.of("ana", "sam", "copilot"),
                "@shop/security", Set.of("sam", "coderabbitai[bot]"),
                "@shop/web", Set.of("lee", "gemini-code-assist[bot]"),
                "@shop/dba", Set.of("omar"),
                "docs@shop.example", Set.of("dana-kim")));
    return new ReviewContext(reviews, teams, assignees, false);
  }

  private static Review approval(String login, String type, String commit) {
    return new Review(login, type, ReviewState.APPROVED, commit, Optional.empty(), false);
  }

  private static Facts raise(Facts a, Facts b) {
    Set<Surface> surfaces = EnumSet.noneOf(Surface.class);
    surfaces.addAll(a.surfaces());
    surfaces.addAll(b.surfaces());
    return new Facts(
        a.ai().max(b.ai()),
        a.declared(),
        surfaces,
        union(a.files(), b.files()),
        Math.max(a.linesPerFile(), b.linesPerFile()),
        union(a.entryPoints(), b.entryPoints()),
        Math.max(a.services(), b.services()),
        union(a.tests(), b.tests()));
  }

  private static Optional<Risk> raise(Optional<Risk> a, Optional<Risk> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(
        new Risk(
            Math.max(a.get().score(), b.get().score()),
            a.get().tier().max(b.get().tier()),
            List.of(),
            "test"));
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @Provide
  Arbitrary<Facts> facts() {
    Arbitrary<List<String>> paths = Arbitraries.of(PATHS).list().uniqueElements().ofMaxSize(5);
    return Combinators.combine(
            Arbitraries.of(AiLevel.class),
            Arbitraries.of(true, false),
            Arbitraries.of(Surface.class).set().ofMaxSize(4),
            paths,
            Arbitraries.integers().between(0, 600),
            paths,
            Arbitraries.integers().between(0, 5),
            paths)
        .as(Facts::new);
  }

  @Provide
  Arbitrary<Optional<Risk>> risks() {
    return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.of(RiskTier.class))
        .as((score, tier) -> new Risk(score, tier, List.of(), "test"))
        .optional(0.7);
  }

  @Provide
  Arbitrary<String> humans() {
    return Arbitraries.of(HUMANS);
  }

  @Provide
  Arbitrary<List<Review>> reviews() {
    return Combinators.combine(
            Arbitraries.of(HUMANS),
            Arbitraries.of(ReviewState.class),
            Arbitraries.of(Analyses.HEAD, Analyses.EARLIER))
        .as(
            (login, state, commit) ->
                new Review(login, "User", state, commit, Optional.empty(), false))
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Review>> botApprovals() {
    return Combinators.combine(Arbitraries.of(BOTS), Arbitraries.of("Bot", "User"))
        .as((login, type) -> approval(login, type, Analyses.HEAD))
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<PolicySpec> policies() {
    return tier(RiskTier.LOW)
        .flatMap(
            low ->
                tier(RiskTier.MEDIUM)
                    .flatMap(
                        medium ->
                            tier(RiskTier.HIGH)
                                .flatMap(
                                    high ->
                                        tier(RiskTier.CRITICAL)
                                            .map(
                                                critical ->
                                                    new PolicySpec(
                                                        List.of(low, medium, high, critical))))));
  }

  private static Arbitrary<TierSpec> tier(RiskTier tier) {
    Arbitrary<Triggers> when =
        Combinators.combine(
                Arbitraries.of(AiLevel.class).optional(0.5),
                Arbitraries.of(Surface.class).list().uniqueElements().ofMaxSize(3),
                threshold(),
                threshold(),
                Arbitraries.integers().between(1, 2000).optional(0.5),
                Arbitraries.of("src/main/**", "*.md", "docs/", "**/security/**")
                    .map(Glob::compile)
                    .list()
                    .uniqueElements()
                    .ofMaxSize(2))
            .as(
                (ai, surfaces, entry, services, lines, globs) ->
                    new Triggers(
                        ai,
                        surfaces,
                        entry,
                        services,
                        lines.map(OptionalInt::of).orElse(OptionalInt.empty()),
                        globs));
    Arbitrary<Map<Surface, List<String>>> reviewers =
        Arbitraries.maps(
                Arbitraries.of(Surface.class),
                Arbitraries.of("@shop/security", "@sam", "@shop/dba", "lead@shop.example")
                    .list()
                    .uniqueElements()
                    .ofMinSize(1)
                    .ofMaxSize(2))
            .ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.doubles().between(0, 1).optional(0.3),
            when,
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(CodeOwnersScope.class),
            reviewers,
            Arbitraries.of(EvidenceKind.class).list().uniqueElements().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as(
            (minScore, triggers, approvals, scope, surfaceReviewers, evidence, disclosure) ->
                new TierSpec(
                    tier,
                    minScore.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                    triggers,
                    approvals,
                    scope,
                    surfaceReviewers,
                    evidence,
                    disclosure,
                    new SourceLine("test", 1)));
  }

  private static Arbitrary<OptionalInt> threshold() {
    return Arbitraries.integers()
        .between(1, 6)
        .optional(0.5)
        .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
  }
}
