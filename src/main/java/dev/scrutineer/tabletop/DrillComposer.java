package dev.scrutineer.tabletop;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.DeclarationReach;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.Drill.Hypothesis;
import dev.scrutineer.model.Drill.Target;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Composes a drill from an analysed change: ranks the changed declarations by what is known about
 * them (surfaces in their lines, entry points reached through them, signature changes, AI
 * assistance), keeps the riskiest, and gives each hypotheses, blast radius, owners and detection.
 */
public final class DrillComposer {
  /** How many declarations a drill rehearses: a meeting's worth, not a census. */
  static final int MAX_TARGETS = 5;

  private final Owners owners;

  public DrillComposer(Owners owners) {
    this.owners = owners;
  }

  public Drill compose(
      Analysis analysis,
      Optional<RiskTier> tier,
      Drill.Revert revert,
      SourceTree head,
      Optional<Drill.Mutation> mutation,
      List<String> notes) {
    List<Scored> scored = new ArrayList<>();
    for (ChangedDeclaration declaration : analysis.changedDeclarations()) {
      if (!isTest(declaration.path())) {
        scored.add(score(analysis, declaration));
      }
    }
    // Even a change nothing marks as risky gets a drill: its most-changed code is still what fails.
    List<Scored> chosen =
        scored.stream()
            .sorted(
                Comparator.comparingInt(Scored::points)
                    .reversed()
                    .thenComparing(s -> s.target().location()))
            .limit(MAX_TARGETS)
            .toList();
    List<Target> targets = new ArrayList<>(chosen.stream().map(Scored::target).toList());
    for (FileChange file : analysis.change().files()) {
      if (isConfig(file, analysis.findings())) {
        targets.add(configTarget(analysis, file));
      }
    }
    Drill.Rollback rollback = Rollbacks.of(analysis.change(), revert, head);
    List<String> allNotes = new ArrayList<>(notes);
    List<String> untraced =
        chosen.stream().filter(Scored::untraced).map(s -> s.target().subject()).toList();
    if (!untraced.isEmpty()) {
      allNotes.add(
          "the change has too many declarations to trace each one's reach: for "
              + some(untraced, 5)
              + ", only entry points and tests whose shortest chain starts there are listed");
    }
    Set<String> listed =
        targets.stream().flatMap(t -> t.tests().stream()).collect(Collectors.toSet());
    List<String> changedTests =
        analysis.changedDeclarations().stream()
            .filter(d -> isTest(d.path()) && d.change() != DeclarationChange.REMOVED)
            .filter(d -> !d.kind().isType() && d.kind() != DeclarationKind.FIELD)
            .map(d -> d.symbol().name())
            .filter(name -> !listed.contains(name))
            .toList();
    if (!changedTests.isEmpty()) {
      allNotes.add(
          "tests the change adds or edits that no target lists under detection: "
              + some(changedTests, 5));
    }
    if (scored.isEmpty()) {
      allNotes.add("no changed Java declaration outside tests: the drill covers config only");
    } else if (scored.stream().allMatch(x -> x.points() == 0)) {
      allNotes.add(
          "no changed declaration touches a sensitive surface, reaches an entry point, changes a"
              + " signature or has a line that suggests a failure: the drill rehearses the"
              + " changed code in file order");
    }
    return new Drill(
        analysis.change(),
        analysis.pullRequest(),
        analysis.provenance().level(),
        tier,
        targets,
        rollback,
        Questions.of(analysis, targets, rollback),
        mutation,
        allNotes);
  }

  /**
   * A ranked declaration.
   *
   * @param untraced its reach was not walked on its own, so only entry points and tests whose
   *     shortest chain starts at it are credited to it
   */
  private record Scored(int points, boolean untraced, Target target) {}

  private Scored score(Analysis analysis, ChangedDeclaration declaration) {
    int points = 0;
    List<String> why = new ArrayList<>();
    List<Line> lines = changedLines(analysis, declaration);
    Set<Surface> surfaces = surfaces(analysis.findings(), declaration);
    if (!surfaces.isEmpty()) {
      points += surfaces.stream().mapToInt(DrillComposer::weight).sum();
      why.add(
          "its changed lines touch "
              + surfaces.stream().map(Surface::description).collect(Collectors.joining(", ")));
    }
    Optional<Reach> reach = analysis.reach();
    Optional<DeclarationReach> own = reach.flatMap(r -> r.of(declaration.symbol()));
    // Beyond the analyser's cap, only what the change's shortest chains start here is known.
    List<EntryPoint> entryPoints =
        own.map(DeclarationReach::entryPoints)
            .orElseGet(
                () ->
                    reach
                        .map(
                            r ->
                                r.entryPoints().stream()
                                    .filter(from(declaration, EntryPoint::chain))
                                    .toList())
                        .orElse(List.of()));
    entryPoints.stream()
        .filter(e -> e.symbol().equals(declaration.symbol()))
        .findFirst()
        .ifPresent(e -> why.add("it is itself an entry point: " + e.label()));
    if (!entryPoints.isEmpty()) {
      points += 2 * Math.min(5, entryPoints.size());
      why.add("reaches " + plural(entryPoints.size(), "entry point"));
    }
    if (declaration.change() == DeclarationChange.SIGNATURE_CHANGED
        || declaration.change() == DeclarationChange.REMOVED) {
      points += 2;
      why.add(
          declaration.change() == DeclarationChange.REMOVED
              ? "removed: every caller must change with it"
              : "its signature changed: callers see it");
    }
    List<Hypothesis> hypotheses = Hypotheses.of(declaration.symbol().name(), lines, surfaces);
    List<String> matched =
        hypotheses.stream()
            .filter(h -> h.evidence().isPresent())
            .map(h -> h.title().toLowerCase(java.util.Locale.ROOT))
            .toList();
    if (!matched.isEmpty()) {
      points += matched.size();
      why.add("its changed lines suggest " + String.join(", ", matched));
    }
    if (declaration.change() == DeclarationChange.UNKNOWN) {
      points += 1;
      why.add("its file could not be parsed, so anything in it may have changed");
    }
    if (points > 0 && analysis.provenance().level() != AiLevel.NONE) {
      points += 1;
      why.add("the change is AI-assisted (" + analysis.provenance().level().id() + ")");
    }
    List<String> tests =
        own
            .map(DeclarationReach::tests)
            .orElseGet(
                () ->
                    reach
                        .map(
                            r ->
                                r.tests().stream()
                                    .filter(t -> t.from().equals(declaration.symbol()))
                                    .toList())
                        .orElse(List.of()))
            .stream()
            .map(t -> t.symbol().name())
            .toList();
    if (why.isEmpty()) {
      why.add("nothing marks it as riskier than the rest of the change");
    }
    return new Scored(
        points,
        reach.isPresent() && own.isEmpty(),
        new Target(
            declaration.symbol().qualified(),
            declaration.location(),
            declaration.change().id(),
            why,
            hypotheses,
            entryPoints.stream().map(DrillComposer::breaks).toList(),
            services(reach, declaration.path()),
            owners.of(declaration.path()),
            tests));
  }

  private Target configTarget(Analysis analysis, FileChange file) {
    Optional<Reach> reach = analysis.reach();
    Predicate<Symbol> configKey = s -> s.name().startsWith("config:");
    Predicate<List<ReachStep>> fromConfig =
        chain -> !chain.isEmpty() && configKey.test(chain.get(0).symbol());
    List<EntryPoint> entryPoints =
        reach
            .map(r -> r.entryPoints().stream().filter(e -> fromConfig.test(e.chain())).toList())
            .orElse(List.of());
    List<String> tests =
        reach
            .map(
                r ->
                    r.tests().stream()
                        .filter(t -> configKey.test(t.from()))
                        .map(t -> t.symbol().name())
                        .toList())
            .orElse(List.of());
    Optional<Line> first = file.addedLines().stream().findFirst();
    return new Target(
        file.path(),
        first.map(l -> file.path() + ":" + l.number()).orElse(file.path()),
        "config",
        List.of("a configuration file the running service reads"),
        List.of(Hypotheses.configTypo(file.path(), first)),
        entryPoints.stream().map(DrillComposer::breaks).toList(),
        services(reach, file.path()),
        owners.of(file.path()),
        tests);
  }

  /** Where a mistake is an incident rather than a bug: access, secrets, data and schema. */
  private static int weight(Surface surface) {
    return switch (surface) {
      case AUTH, CRYPTO, DATA_ACCESS, MIGRATION -> 5;
      default -> 2;
    };
  }

  private static <T> Predicate<T> from(
      ChangedDeclaration declaration, java.util.function.Function<T, List<ReachStep>> chain) {
    return t -> {
      List<ReachStep> steps = chain.apply(t);
      return !steps.isEmpty() && steps.get(0).symbol().equals(declaration.symbol());
    };
  }

  private static Drill.Break breaks(EntryPoint entryPoint) {
    return new Drill.Break(
        entryPoint.label(),
        entryPoint.chain().stream().map(s -> s.symbol().name()).toList(),
        entryPoint.confidence());
  }

  private static List<String> services(Optional<Reach> reach, String path) {
    return reach.map(Reach::services).orElse(List.of()).stream()
        .filter(m -> m.directory().isEmpty() || path.startsWith(m.directory() + "/"))
        .map(Module::name)
        .toList();
  }

  private static List<Line> changedLines(Analysis analysis, ChangedDeclaration declaration) {
    List<Line> lines = new ArrayList<>();
    boolean removed = declaration.change() == DeclarationChange.REMOVED;
    boolean whole = declaration.line() == 0;
    for (FileChange file : analysis.change().files()) {
      if (!file.path().equals(declaration.path())) {
        continue;
      }
      for (Hunk hunk : file.hunks()) {
        int start = removed ? hunk.oldStart() : hunk.newStart();
        int count = removed ? hunk.oldCount() : hunk.newCount();
        boolean overlaps =
            whole
                || start <= declaration.endLine()
                    && start + Math.max(count, 1) - 1 >= declaration.line();
        if (!overlaps) {
          continue;
        }
        List<Line> side = removed ? hunk.removed() : hunk.added();
        side.stream()
            .filter(
                l ->
                    whole
                        || l.number() >= declaration.line() && l.number() <= declaration.endLine())
            .forEach(lines::add);
        if (!removed) {
          lines.addAll(
              hunk.removed()); // what a body change took out tells as much as what it put in
        }
      }
    }
    return lines;
  }

  private static Set<Surface> surfaces(List<Finding> findings, ChangedDeclaration declaration) {
    Set<Surface> surfaces = EnumSet.noneOf(Surface.class);
    boolean removed = declaration.change() == DeclarationChange.REMOVED;
    for (Finding finding : findings) {
      if (!finding.path().equals(declaration.path()) || finding.removed() != removed) {
        continue;
      }
      boolean inside =
          declaration.line() == 0
              || finding.lines().stream()
                  .anyMatch(l -> l >= declaration.line() && l <= declaration.endLine());
      if (inside) {
        surfaces.add(finding.surface());
      }
    }
    return surfaces;
  }

  private static boolean isConfig(FileChange file, List<Finding> findings) {
    String path = file.path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (file.newPath().isEmpty()
        || isTest(path)
        || path.startsWith(".github/")
        || path.endsWith(".java")) {
      return false;
    }
    boolean appConfig =
        (name.startsWith("application") || name.startsWith("bootstrap"))
            && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties"));
    return appConfig
        || findings.stream().anyMatch(f -> f.path().equals(path) && f.surface() == Surface.CONFIG);
  }

  static boolean isTest(String path) {
    return path.startsWith("src/test/") || path.contains("/src/test/") || path.startsWith("test/");
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Only for {@link Questions}: the first few of a list, and how many more. */
  static String some(List<String> items, int max) {
    String shown = items.stream().limit(max).collect(Collectors.joining(", "));
    return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
  }
}
