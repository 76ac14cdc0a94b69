package dev.scrutineer.analysis.reach;

import dev.scrutineer.analysis.reach.framework.ConfigKeyChange;
import dev.scrutineer.analysis.reach.framework.EntryPointSpec;
import dev.scrutineer.analysis.reach.framework.FrameworkFacts;
import dev.scrutineer.analysis.reach.framework.FrameworksCache;
import dev.scrutineer.analysis.reach.graph.CodeGraph;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.graph.LinkedBase;
import dev.scrutineer.analysis.reach.graph.LinkedBaseCache;
import dev.scrutineer.analysis.reach.graph.ReverseReach;
import dev.scrutineer.analysis.reach.graph.ReverseReach.Touched;
import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.reach.index.FactsExtractor;
import dev.scrutineer.analysis.reach.index.FactsPacks;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ReadAhead;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.DeclarationReach;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.Explanation;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.ReachedTest;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The blast radius of a change: indexes the merge-base (facts come from the cache where the content
 * is known), updates the index with the changed files, links the head's code with the frameworks'
 * edges, and walks back from the changed declarations to everything that depends on them.
 *
 * <p>Removed declarations are no longer in the head's graph; they reach through their declaring
 * type when it survives. Files that could not be parsed reach at the level of the types the index
 * found in them.
 */
public final class ReachAnalyzer {
  /** Changed declarations whose reach is walked one by one: each walk is a pass over the graph. */
  static final int MAX_DECLARATION_WALKS = 50;

  /**
   * The share of files in which a stored graph may differ from the merge-base and still be linked
   * from straight, without storing the merge-base's own: beyond it, the names those files declare
   * would send most changes' relinking across much of the repository.
   */
  static final double MAX_DRIFT = 0.02;

  /**
   * Small repositories link from a stored graph that differs in this many files, whatever the
   * share.
   */
  static final int MIN_DRIFT = 50;

  private final FactsCache cache;
  private final FactsPacks packs;
  private final LinkedBaseCache graphs;
  private final FrameworksCache frameworkCache;

  /**
   * @param cache file facts by content
   * @param packs every file's facts of the merge-bases, read in one go
   * @param graphs linked merge-bases, so that a change on a known base links only what it can alter
   * @param frameworks the framework facts of merge-bases, so that a change on a known base runs the
   *     rules only where it can alter what they find
   */
  public ReachAnalyzer(
      FactsCache cache, FactsPacks packs, LinkedBaseCache graphs, FrameworksCache frameworks) {
    this.cache = cache;
    this.packs = packs;
    this.graphs = graphs;
    this.frameworkCache = frameworks;
  }

  /**
   * Starts reading the facts of the Java files {@code change} adds or edits in {@code head}, for
   * {@link #analyze} to take.
   */
  public ReadAhead readAhead(ChangeSet change, SourceTree head) {
    return ReadAhead.start(
        head, changedPaths(change), cache, Runtime.getRuntime().availableProcessors());
  }

  /** The reach, and what limited it. */
  public record Result(Reach reach, List<Diagnostic> diagnostics) {}

  /**
   * @param beside work for another thread, run once the framework rules are done: while the head is
   *     linked, the one stretch of a run on two processors that leaves one free
   * @param ahead what {@link #readAhead} read of the change's files
   */
  public Result analyze(
      ChangeSet change,
      SourceTree base,
      SourceTree head,
      List<ChangedDeclaration> changed,
      Optional<String> why,
      boolean eachDeclaration,
      Runnable beside,
      ReadAhead ahead) {
    CodeIndex baseIndex =
        CodeIndex.build(base, cache, packs, Runtime.getRuntime().availableProcessors());
    CodeIndex headIndex =
        baseIndex.withFiles(head, changedPaths(change), deletedPaths(change), ahead);
    String baseKey = LinkedBase.key(baseIndex.contentsId(), FactsExtractor.VERSION);
    // The framework rules and the linker only read the index: run them side by side.
    FutureTask<FrameworkFacts> frameworksTask =
        new FutureTask<>(
            () -> frameworkCache.analyze(baseKey, baseIndex, base, headIndex, head, change));
    Thread frameworksThread =
        new Thread(
            () -> {
              frameworksTask.run();
              beside.run();
            },
            "scrutineer-frameworks");
    frameworksThread.setDaemon(true);
    // The linker is the run's critical path and its results are wanted only when it is done: where
    // the JVM passes priorities on (the launcher asks it to), this thread takes what the linker
    // and the compiler leave of the processors instead of preempting them.
    frameworksThread.setPriority(Thread.MIN_PRIORITY);
    frameworksThread.start();
    Linked linked =
        link(
            baseIndex,
            baseKey,
            headIndex,
            change,
            () -> Tasks.await(frameworksTask, "reading framework facts").edges());
    CodeGraph graph = linked.graph();
    FrameworkFacts frameworks = Tasks.await(frameworksTask, "reading framework facts");
    Set<Symbol> seeds = seeds(changed, frameworks, graph, headIndex, baseIndex);
    ReverseReach reach = graph.reach(seeds);

    List<Touched> touched = reach.touched();
    List<EntryPoint> entryPoints = entryPoints(touched, frameworks);
    List<ReachedTest> tests = tests(touched, frameworks);
    List<Diagnostic> diagnostics = new ArrayList<>(headIndex.diagnostics());
    diagnostics.addAll(packs.diagnostics());
    diagnostics.addAll(graphs.diagnostics());
    diagnostics.addAll(frameworkCache.diagnostics());
    linked
        .unfit()
        .ifPresent(
            problem ->
                diagnostics.add(
                    Diagnostic.warning(
                        "the stored graph of the merge-base did not fit the change ("
                            + problem
                            + "), so every file was linked; the reach is complete, but please"
                            + " report this with the repository and revisions")));
    diagnostics.addAll(frameworks.diagnostics());
    List<DeclarationReach> byDeclaration =
        eachDeclaration
            ? byDeclaration(changed, frameworks, graph, headIndex, baseIndex, diagnostics)
            : List.of();
    int[] byConfidence = reach.countsByConfidence();
    CodeIndex.Stats stats = headIndex.stats();
    int parsed = baseIndex.stats().extracted() + stats.extracted();
    return new Result(
        new Reach(
            Arrays.stream(byConfidence).sum(),
            Arrays.stream(byConfidence).boxed().toList(),
            entryPoints,
            tests,
            modules(touched, frameworks),
            new Reach.IndexSummary(stats.files(), parsed, linked.files(), stats.unreadable()),
            why.map(query -> explain(query, entryPoints, graph, touched)),
            byDeclaration),
        diagnostics);
  }

  /**
   * The head's graph, how many files were linked for it in this run, and why a stored graph did not
   * fit, if one did not.
   */
  private record Linked(CodeGraph graph, int files, Optional<String> unfit) {}

  /**
   * Links the head from a stored graph: the merge-base's when it is stored; else the most recent
   * stored graph, straight, when its files differ from the merge-base's in at most {@link
   * #MAX_DRIFT} of them (as in CI, where the merge-base moves with every merge); else the
   * merge-base's graph, derived from that one (when it shares at least half the files) or linked in
   * full, and stored for the next change.
   */
  private Linked link(
      CodeIndex base,
      String baseKey,
      CodeIndex head,
      ChangeSet change,
      Supplier<? extends Collection<Edge>> extraEdges) {
    Set<String> touched = new HashSet<>();
    for (FileChange file : change.files()) {
      file.oldPath().ifPresent(touched::add);
      file.newPath().ifPresent(touched::add);
    }
    touched.removeIf(path -> !path.endsWith(".java"));
    Optional<LinkedBase> stored = graphs.load(baseKey);
    if (stored.isPresent()) {
      return relink(head, extraEdges, stored.get(), base.files(), touched, 0);
    }
    Map<String, String> contentIds = base.contentIds();
    Optional<LinkedBase> other = graphs.newest(FactsExtractor.VERSION);
    Set<String> drift = other.map(o -> o.differing(contentIds)).orElseGet(Set::of);
    // The newest graph may be of another repository sharing the cache: then it is of no use.
    Optional<List<FileFacts>> otherFiles =
        other
            .filter(o -> drift.size() <= contentIds.size() / 2)
            .flatMap(o -> base.factsOf(o.contentIds()));
    LinkedBase linkedBase;
    if (otherFiles.isPresent()) {
      if (drift.size() <= Math.max(MIN_DRIFT, contentIds.size() * MAX_DRIFT)) {
        Set<String> changed = new HashSet<>(drift);
        changed.addAll(touched);
        return relink(head, extraEdges, other.get(), otherFiles.get(), changed, 0);
      }
      linkedBase = other.get().derive(otherFiles.get(), base.files(), contentIds);
    } else {
      linkedBase = LinkedBase.link(base.files(), contentIds, FactsExtractor.VERSION);
    }
    graphs.store(linkedBase);
    return relink(head, extraEdges, linkedBase, base.files(), touched, linkedBase.linkedFiles());
  }

  /** The head relinked from {@code from}, whose own facts are {@code fromFiles}. */
  private static Linked relink(
      CodeIndex head,
      Supplier<? extends Collection<Edge>> extraEdges,
      LinkedBase from,
      Collection<FileFacts> fromFiles,
      Set<String> changed,
      int linkedBefore) {
    CodeGraph graph = CodeGraph.relink(head.files(), extraEdges, from, fromFiles, changed);
    return new Linked(
        graph, linkedBefore + graph.linkedFiles(), from.unfitBase().or(graph::unfitBase));
  }

  private static List<String> changedPaths(ChangeSet change) {
    return change.files().stream()
        .filter(f -> f.type() != ChangeType.DELETED)
        .map(f -> f.newPath().orElseThrow())
        .toList();
  }

  private static List<String> deletedPaths(ChangeSet change) {
    return change.files().stream()
        .filter(f -> f.type() == ChangeType.DELETED || f.type() == ChangeType.RENAMED)
        .map(f -> f.oldPath().orElseThrow())
        .toList();
  }

  private static Set<Symbol> seeds(
      List<ChangedDeclaration> changed,
      FrameworkFacts frameworks,
      CodeGraph graph,
      CodeIndex head,
      CodeIndex base) {
    Set<Symbol> seeds = new LinkedHashSet<>();
    for (ChangedDeclaration declaration : changed) {
      seeds.addAll(seeds(declaration, graph, head, base));
    }
    frameworks.configKeyChanges().stream().map(ConfigKeyChange::node).forEach(seeds::add);
    return seeds;
  }

  /** Where one changed declaration starts in the head's graph. */
  private static Set<Symbol> seeds(
      ChangedDeclaration declaration, CodeGraph graph, CodeIndex head, CodeIndex base) {
    Set<Symbol> seeds = new LinkedHashSet<>();
    if (declaration.kind() == DeclarationKind.FILE) {
      Stream.of(head.file(declaration.path()), base.file(declaration.path()))
          .flatMap(Optional::stream)
          .flatMap(f -> f.types().stream())
          .map(TypeFact::symbol)
          .forEach(seeds::add);
    } else if (declaration.change() == DeclarationChange.REMOVED) {
      owner(declaration.symbol()).filter(graph::contains).ifPresent(seeds::add);
    } else {
      seeds.add(declaration.symbol());
    }
    return seeds;
  }

  /**
   * What each changed declaration outside tests reaches on its own: a drill credits a repository
   * method with the endpoint of the changed handler that calls it, which the change's one shortest
   * chain per entry point cannot show. One walk each, so the count is capped.
   */
  private static List<DeclarationReach> byDeclaration(
      List<ChangedDeclaration> changed,
      FrameworkFacts frameworks,
      CodeGraph graph,
      CodeIndex head,
      CodeIndex base,
      List<Diagnostic> diagnostics) {
    List<ChangedDeclaration> production =
        changed.stream().filter(d -> !isTestSource(d.path())).toList();
    if (production.size() > MAX_DECLARATION_WALKS) {
      diagnostics.add(
          Diagnostic.info(
              "reach traced separately for the first "
                  + MAX_DECLARATION_WALKS
                  + " of "
                  + production.size()
                  + " changed declarations; for the others only entry points and tests whose"
                  + " shortest chain starts at them are attributed to them"));
    }
    List<DeclarationReach> out = new ArrayList<>();
    for (ChangedDeclaration declaration :
        production.stream().limit(MAX_DECLARATION_WALKS).toList()) {
      List<Touched> touched = graph.reach(seeds(declaration, graph, head, base)).touched();
      out.add(
          new DeclarationReach(
              declaration.symbol(), entryPoints(touched, frameworks), tests(touched, frameworks)));
    }
    return out;
  }

  /** The type a member belongs to: {@code Outer.Inner} for {@code Outer.Inner#m()}. */
  private static Optional<Symbol> owner(Symbol member) {
    int hash = member.name().lastIndexOf('#');
    return hash <= 0
        ? Optional.empty()
        : Optional.of(new Symbol(member.packageName(), member.name().substring(0, hash)));
  }

  private static List<EntryPoint> entryPoints(List<Touched> touched, FrameworkFacts frameworks) {
    List<EntryPoint> entryPoints = new ArrayList<>();
    for (Touched at : touched) {
      Symbol symbol = at.symbol();
      List<EntryPointSpec> specs = frameworks.entryPointsOf(symbol);
      if (specs.isEmpty()) {
        continue; // nearly every reached declaration: look nothing else up for it
      }
      if (isTestSource(at.path())
          || owner(symbol).filter(frameworks.tests()::contains).isPresent()) {
        continue; // a controller declared for a test is not a way into production
      }
      for (EntryPointSpec spec : specs) {
        entryPoints.add(
            new EntryPoint(
                spec.kind(),
                spec.label(),
                symbol,
                at.path(),
                at.line(),
                at.confidence(),
                at.chain()));
      }
    }
    entryPoints.sort(
        Comparator.comparing(EntryPoint::confidence)
            .reversed()
            .thenComparing(EntryPoint::label)
            .thenComparing(e -> e.symbol().qualified()));
    return entryPoints;
  }

  private static boolean isTestSource(String path) {
    return path.startsWith("src/test/") || path.contains("/src/test/");
  }

  private static List<ReachedTest> tests(List<Touched> touched, FrameworkFacts frameworks) {
    // Sorted by keys built once per test: a comparator that spells each symbol's qualified name
    // built a million strings to sort tens of thousands of tests.
    record Keyed(ReachedTest test, String qualified) {}
    return touched.stream()
        .filter(at -> frameworks.tests().contains(at.symbol()))
        .filter(at -> !frameworks.testClasses().contains(at.symbol()))
        .map(
            at ->
                new Keyed(
                    new ReachedTest(
                        at.symbol(), at.path(), at.line(), at.confidence(), at.origin(), at.hops()),
                    at.symbol().qualified()))
        .sorted(
            Comparator.comparing((Keyed k) -> k.test().confidence())
                .reversed()
                .thenComparing(Keyed::qualified))
        .map(Keyed::test)
        .toList();
  }

  private static List<Module> modules(List<Touched> touched, FrameworkFacts frameworks) {
    TreeMap<String, Module> modules = new TreeMap<>();
    // Tens of thousands of reached declarations share a few thousand files: look each file up once.
    Map<String, Optional<Module>> byPath = new HashMap<>();
    for (Touched at : touched) {
      byPath
          .computeIfAbsent(at.path(), frameworks::moduleOf)
          .ifPresent(m -> modules.putIfAbsent(m.directory(), m));
    }
    return List.copyOf(modules.values());
  }

  /**
   * Matches an entry point by its label, or a declaration by the end of its name ({@code
   * OrderService#search} matches {@code com.acme.OrderService#search(String,String)}).
   */
  private static Explanation explain(
      String query, List<EntryPoint> entryPoints, CodeGraph graph, List<Touched> touched) {
    String wanted = query.strip();
    for (EntryPoint entry : entryPoints) {
      if (entry.label().equalsIgnoreCase(wanted)) {
        return new Explanation(query, entry.label(), entry.chain());
      }
    }
    Optional<Touched> match =
        touched.stream()
            .filter(at -> matches(at.symbol(), wanted))
            .min(Comparator.comparing(at -> at.symbol().qualified()));
    if (match.isPresent()) {
      return new Explanation(query, match.get().symbol().qualified(), match.get().chain());
    }
    Optional<Symbol> unreached = graph.find(s -> matches(s, wanted));
    return unreached
        .map(s -> new Explanation(query, s.qualified(), List.<ReachStep>of()))
        .orElseThrow(
            () ->
                new InputException(
                    "--why '"
                        + query
                        + "' matches no entry point or declaration; give an entry point such as"
                        + " 'GET /owners/{id}' or a declaration such as OwnerService#find"));
  }

  private static boolean matches(Symbol symbol, String query) {
    String q = query.toLowerCase(Locale.ROOT);
    String qualified = symbol.qualified().toLowerCase(Locale.ROOT);
    String bare =
        qualified.contains("(") ? qualified.substring(0, qualified.indexOf('(')) : qualified;
    return qualified.equals(q)
        || qualified.endsWith("." + q)
        || bare.equals(q)
        || bare.endsWith("." + q)
        || qualified.endsWith("#" + q)
        || bare.endsWith("#" + q);
  }
}
