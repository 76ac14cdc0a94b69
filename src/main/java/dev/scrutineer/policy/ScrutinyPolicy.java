package dev.scrutineer.policy;

import dev.scrutineer.analysis.ownership.CodeOwner;
import dev.scrutineer.analysis.ownership.CodeOwners;
import dev.scrutineer.analysis.ownership.OwnersRule;
import dev.scrutineer.config.CodeOwnersScope;
import dev.scrutineer.config.EvidenceKind;
import dev.scrutineer.config.Glob;
import dev.scrutineer.config.PolicySpec;
import dev.scrutineer.config.TierSpec;
import dev.scrutineer.config.Triggers;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.RequiredScrutiny;
import dev.scrutineer.model.Requirement;
import dev.scrutineer.model.RequirementKind;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.TierReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns what a change is into the review it needs, by the policy's tiers. */
public final class ScrutinyPolicy {
  private final PolicySpec spec;

  public ScrutinyPolicy(PolicySpec spec) {
    this.spec = spec;
  }

  /**
   * The scrutiny a change needs.
   *
   * @param risk the change's risk; empty when no score is available, and then only triggers choose
   *     the tier
   * @param owners the code owners of the change's merge-base
   */
  public RequiredScrutiny require(Analysis analysis, Optional<Risk> risk, CodeOwners owners) {
    List<TierReason> reasons = reasons(analysis, risk);
    RiskTier tier = reasons.stream().map(TierReason::tier).reduce(RiskTier.LOW, RiskTier::max);
    List<TierSpec> asked = spec.tiers().subList(0, tier.ordinal() + 1);
    List<Requirement> requirements = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(owners.diagnostics());
    approvals(asked, analysis).ifPresent(requirements::add);
    requirements.addAll(codeOwners(asked, analysis, owners, diagnostics));
    requirements.addAll(surfaceReviews(asked, analysis));
    requirements.addAll(evidence(asked));
    disclosure(asked, analysis).ifPresent(requirements::add);
    return new RequiredScrutiny(tier, risk, reasons, requirements, diagnostics);
  }

  /** Every reason the change is above low, highest tier first. */
  private List<TierReason> reasons(Analysis analysis, Optional<Risk> risk) {
    List<TierReason> reasons = new ArrayList<>();
    if (risk.isPresent()) {
      Risk r = risk.get();
      String score = String.format(Locale.ROOT, "%.2f", r.score());
      if (r.tier() != RiskTier.LOW) {
        reasons.add(new TierReason(r.tier(), "risk score " + score + " (" + r.model() + ")"));
      }
      for (TierSpec t : spec.tiers()) {
        if (t.minScore().isPresent() && r.score() >= t.minScore().getAsDouble()) {
          reasons.add(
              new TierReason(
                  t.tier(),
                  "risk score " + score + " is at least min-score " + t.minScore().getAsDouble()));
        }
      }
    }
    for (TierSpec t : spec.tiers()) {
      for (String because : triggered(t.when(), analysis)) {
        reasons.add(new TierReason(t.tier(), because));
      }
    }
    reasons.removeIf(r -> r.tier() == RiskTier.LOW);
    reasons.sort(Comparator.comparing(TierReason::tier).reversed());
    return reasons;
  }

  /** The triggers of one tier that hold, each in words. */
  private static List<String> triggered(Triggers when, Analysis analysis) {
    List<String> held = new ArrayList<>();
    AiLevel ai = analysis.provenance().level();
    when.aiLevel()
        .filter(level -> level != AiLevel.NONE && ai.compareTo(level) >= 0)
        .ifPresent(
            level -> held.add("AI assistance " + ai.id() + " (at least " + level.id() + ")"));
    List<String> surfaces =
        when.surfaces().stream()
            .filter(s -> touched(analysis).contains(s))
            .map(Surface::id)
            .toList();
    if (!surfaces.isEmpty()) {
      held.add("touches " + String.join(", ", surfaces));
    }
    int entryPoints = analysis.reach().map(r -> r.entryPoints().size()).orElse(0);
    atLeast(when.entryPointsReached(), entryPoints, "entry points reached").ifPresent(held::add);
    int services = analysis.reach().map(r -> r.services().size()).orElse(0);
    atLeast(when.servicesReached(), services, "services reached").ifPresent(held::add);
    int lines = analysis.change().linesAdded() + analysis.change().linesDeleted();
    atLeast(when.linesChanged(), lines, "lines changed").ifPresent(held::add);
    for (Glob glob : when.paths()) {
      touchedPaths(analysis).stream()
          .filter(glob::matches)
          .findFirst()
          .ifPresent(p -> held.add("changes " + p + " (paths " + glob.pattern() + ")"));
    }
    return held;
  }

  private static Optional<String> atLeast(OptionalInt threshold, int value, String what) {
    if (threshold.isPresent() && value >= threshold.getAsInt()) {
      return Optional.of(value + " " + what + " (at least " + threshold.getAsInt() + ")");
    }
    return Optional.empty();
  }

  private static Optional<Requirement> approvals(List<TierSpec> asked, Analysis analysis) {
    int most = asked.stream().mapToInt(TierSpec::approvals).max().orElse(0);
    if (most == 0) {
      return Optional.empty();
    }
    TierSpec first = asked.stream().filter(t -> t.approvals() == most).findFirst().orElseThrow();
    return Optional.of(
        new Requirement(
            "approvals",
            RequirementKind.APPROVALS,
            most,
            List.of(),
            List.of(),
            most + (most == 1 ? " human approval" : " human approvals") + " on the current head",
            first.tier(),
            "tier "
                + first.tier().id()
                + " asks for it; approvals by bots never count"
                + (Identity.agentAuthored(analysis)
                    ? ", nor, as an agent wrote this change, the approval of whoever asked it"
                    : "")));
  }

  private static List<Requirement> codeOwners(
      List<TierSpec> asked, Analysis analysis, CodeOwners owners, List<Diagnostic> diagnostics) {
    CodeOwnersScope scope =
        asked.stream().map(TierSpec::codeOwners).reduce(CodeOwnersScope.NONE, CodeOwnersScope::max);
    if (scope == CodeOwnersScope.NONE) {
      return List.of();
    }
    RiskTier tier =
        asked.stream().filter(t -> t.codeOwners() == scope).findFirst().orElseThrow().tier();
    if (owners.file().isEmpty()) {
      diagnostics.add(
          Diagnostic.info(
              "no CODEOWNERS in the merge-base (.github/, the root or docs/), so tier "
                  + tier.id()
                  + "'s code-owner approval names nobody"));
      return List.of();
    }
    if (touchedPaths(analysis).contains(owners.file().get())) {
      diagnostics.add(
          Diagnostic.info(
              owners.file().get()
                  + " changes here; its owners are read from the merge-base, so a change cannot"
                  + " choose who reviews it"));
    }
    // Paths grouped by the owners who can approve them: one approval from any of them covers all.
    Map<List<CodeOwner>, Group> groups = new LinkedHashMap<>();
    List<String> unowned = new ArrayList<>();
    for (String path : touchedPaths(analysis)) {
      add(groups, unowned, owners, path, false);
    }
    if (scope == CodeOwnersScope.TOUCHED_AND_REACHED) {
      for (String path : reachedPaths(analysis)) {
        add(groups, unowned, owners, path, true);
      }
    }
    if (!unowned.isEmpty()) {
      diagnostics.add(
          Diagnostic.info(
              unowned.size()
                  + (unowned.size() == 1 ? " path has" : " paths have")
                  + " no code owner in "
                  + owners.file().get()
                  + ": "
                  + String.join(", ", unowned.subList(0, Math.min(5, unowned.size())))
                  + (unowned.size() > 5 ? ", ..." : "")));
    }
    List<Requirement> requirements = new ArrayList<>();
    for (Map.Entry<List<CodeOwner>, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      List<String> eligible = e.getKey().stream().map(CodeOwner::handle).toList();
      List<String> paths = new ArrayList<>(g.touched);
      paths.addAll(g.reached);
      String counts =
          (g.touched.isEmpty() ? "" : g.touched.size() + " touched")
              + (!g.touched.isEmpty() && !g.reached.isEmpty() ? " and " : "")
              + (g.reached.isEmpty() ? "" : g.reached.size() + " reached")
              + (paths.size() == 1 ? " path" : " paths");
      requirements.add(
          new Requirement(
              "code-owners:" + String.join(",", eligible),
              RequirementKind.CODE_OWNERS,
              1,
              eligible,
              paths,
              "an approval from a code owner of " + counts,
              tier,
              "tier "
                  + tier.id()
                  + " asks code owners of "
                  + (scope == CodeOwnersScope.TOUCHED ? "touched" : "touched and reached")
                  + " paths to approve; "
                  + String.join(", ", g.lines.values())
                  + " decides"));
    }
    return requirements;
  }

  private static final class Group {
    final TreeSet<String> touched = new TreeSet<>();
    final TreeSet<String> reached = new TreeSet<>();
    final TreeMap<Integer, String> lines = new TreeMap<>();
  }

  private static void add(
      Map<List<CodeOwner>, Group> groups,
      List<String> unowned,
      CodeOwners owners,
      String path,
      boolean reached) {
    Optional<OwnersRule> rule = owners.ruleFor(path);
    if (rule.isEmpty() || rule.get().owners().isEmpty()) {
      if (!reached && !unowned.contains(path)) {
        unowned.add(path);
      }
      return;
    }
    List<CodeOwner> key = rule.get().owners().stream().sorted().distinct().toList();
    Group group = groups.computeIfAbsent(key, k -> new Group());
    if (group.touched.contains(path)) {
      return;
    }
    (reached ? group.reached : group.touched).add(path);
    group.lines.put(rule.get().line(), rule.get().describe(owners.file().orElseThrow()));
  }

  private static List<Requirement> surfaceReviews(List<TierSpec> asked, Analysis analysis) {
    Map<Surface, TreeSet<String>> reviewers = new TreeMap<>();
    Map<Surface, RiskTier> first = new TreeMap<>();
    for (TierSpec t : asked) {
      t.surfaceReviewers()
          .forEach(
              (surface, names) -> {
                reviewers.computeIfAbsent(surface, s -> new TreeSet<>()).addAll(names);
                first.putIfAbsent(surface, t.tier());
              });
    }
    List<Requirement> requirements = new ArrayList<>();
    for (Map.Entry<Surface, TreeSet<String>> e : reviewers.entrySet()) {
      Surface surface = e.getKey();
      List<Finding> findings =
          analysis.findings().stream().filter(f -> f.surface() == surface).toList();
      if (findings.isEmpty()) {
        continue;
      }
      List<String> paths = findings.stream().map(Finding::path).distinct().sorted().toList();
      requirements.add(
          new Requirement(
              "surface:" + surface.id(),
              RequirementKind.SURFACE_REVIEW,
              1,
              List.copyOf(e.getValue()),
              paths,
              "an approval from a reviewer of " + surface.description(),
              first.get(surface),
              "touches "
                  + surface.id()
                  + " ("
                  + findings.get(0).location()
                  + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : "")
                  + "); tier "
                  + first.get(surface).id()
                  + " names its reviewers"));
    }
    return requirements;
  }

  private static List<Requirement> evidence(List<TierSpec> asked) {
    Map<EvidenceKind, RiskTier> kinds = new TreeMap<>();
    for (TierSpec t : asked) {
      t.evidence().forEach(k -> kinds.putIfAbsent(k, t.tier()));
    }
    return kinds.entrySet().stream()
        .map(
            e ->
                new Requirement(
                    "evidence:" + e.getKey().id(),
                    RequirementKind.EVIDENCE,
                    0,
                    List.of(),
                    List.of(),
                    Evidence.describe(e.getKey()),
                    e.getValue(),
                    "tier " + e.getValue().id() + " asks for it"))
        .toList();
  }

  private static Optional<Requirement> disclosure(List<TierSpec> asked, Analysis analysis) {
    AiLevel ai = analysis.provenance().level();
    Optional<TierSpec> first = asked.stream().filter(TierSpec::disclosure).findFirst();
    if (ai == AiLevel.NONE || first.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Requirement(
            "disclosure",
            RequirementKind.DISCLOSURE,
            0,
            List.of(),
            List.of(),
            "AI assistance declared in the pull request or in commit trailers",
            first.get().tier(),
            "AI assistance was found ("
                + ai.id()
                + "); tier "
                + first.get().tier().id()
                + " asks that it be declared, so reviewers and history keep it"));
  }

  /** The surfaces the change's findings touch. */
  static List<Surface> touched(Analysis analysis) {
    return analysis.findings().stream().map(Finding::surface).distinct().toList();
  }

  /** Every path the change touches, on either side of a rename, sorted. */
  static List<String> touchedPaths(Analysis analysis) {
    TreeSet<String> paths = new TreeSet<>();
    for (FileChange file : analysis.change().files()) {
      file.oldPath().ifPresent(paths::add);
      paths.add(file.path());
    }
    return List.copyOf(paths);
  }

  /**
   * The files of the entry points the change reaches, sorted: their owners answer for what callers
   * see. Reached tests are not among them; a test reaching the change is evidence, and its owners
   * are asked when the change touches it.
   */
  static List<String> reachedPaths(Analysis analysis) {
    TreeSet<String> paths = new TreeSet<>();
    analysis
        .reach()
        .ifPresent(r -> r.entryPoints().stream().map(EntryPoint::path).forEach(paths::add));
    return List.copyOf(paths);
  }
}
