package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.EntryPoints.Handler;
import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What the framework rules find in a code base whatever the change: entry points, tests, HTTP
 * handlers, each rule's edges file by file, and the build's modules.
 *
 * <p>Only edges read more of a file than its declarations: the lines they are written at, and the
 * requests tests send. So a code base whose files differ from this one's only in the bodies and
 * lines of some Java files has the same of everything else, and the same edges from every other
 * file; {@link #replacing} works out those files' edges again. A code base whose Java files differ
 * otherwise has the same build modules, and the same requests from test files it did not change,
 * while the handlers are the same; {@link #rescan} runs the rules again but for those. That is why
 * these facts are kept for a merge-base ({@link FrameworksCache}) and updated for each change made
 * on it.
 *
 * @param entryPoints as {@link FrameworkFacts#entryPoints()}
 * @param tests as {@link FrameworkFacts#tests()}
 * @param testClasses as {@link FrameworkFacts#testClasses()}
 * @param handlers the HTTP handlers, whose paths requests in tests are matched to
 * @param edges each rule's edges of each file that has some: by rule (inherited tests, class
 *     literals, request paths, bindings), then by path
 * @param modules as {@link FrameworkFacts#modules()}
 * @param diagnostics the build files that could not be read
 */
record CodeFrameworks(
    Map<Symbol, List<EntryPointSpec>> entryPoints,
    Set<Symbol> tests,
    Set<Symbol> testClasses,
    List<Handler> handlers,
    List<FileEdges> edges,
    List<Module> modules,
    List<Diagnostic> diagnostics) {
  private static final int RULES = 4;

  /** The rule of request paths, third of the {@link #RULES}. */
  static final int REQUEST_PATHS = 2;

  /** The edges one rule finds in one file, in the order it finds them. */
  record FileEdges(int rule, String path, List<Edge> edges) {
    FileEdges {
      edges = List.copyOf(edges);
    }
  }

  /** How a rule adds the edges of one type. */
  private interface Rule {
    void edges(Entry entry, Collection<Edge> out);
  }

  /** Which rules to run in which files. */
  private interface Which {
    boolean test(int rule, String path);
  }

  /**
   * Runs every rule over {@code index}.
   *
   * @param files the facts {@code index} was built from
   * @param tree the side they are from, for the build files
   * @param otherPaths paths besides the files' whose directories may hold modules
   */
  static CodeFrameworks scan(
      TypeIndex index,
      Collection<FileFacts> files,
      SourceTree tree,
      Collection<String> otherPaths) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Module> layout = BuildModules.layout(tree, files, otherPaths, diagnostics);
    return scan(index, layout, diagnostics, null, Set.of());
  }

  /**
   * Runs every rule over {@code index}, whose files differ from those of {@code previous} in the
   * Java files at {@code changed} only (edited, added or removed; no build file): the build's
   * modules are those of {@code previous}, and so are the requests of the other test files when the
   * handlers and the test classes among their types are the same.
   */
  static CodeFrameworks rescan(TypeIndex index, CodeFrameworks previous, Set<String> changed) {
    List<Module> layout =
        previous.modules.stream().map(m -> new Module(m.name(), m.directory(), false)).toList();
    return scan(index, layout, previous.diagnostics, previous, changed);
  }

  private static CodeFrameworks scan(
      TypeIndex index,
      List<Module> layout,
      List<Diagnostic> diagnostics,
      CodeFrameworks previous,
      Set<String> changed) {
    EntryPoints entryPoints = EntryPoints.scan(index);
    TestRules tests = TestRules.scan(index);
    List<Handler> handlers = entryPoints.handlers();
    Set<String> requestsKept =
        previous == null || !previous.handlers.equals(handlers)
            ? Set.of()
            : requestsKept(index, tests.testTypes(), previous.testClasses, changed);
    List<FileEdges> edges =
        edges(
            index,
            (entry, out) -> out.addAll(tests.inherited(entry.position())),
            new IndirectEdges(index, tests.testTypes(), handlers),
            (rule, path) -> rule != REQUEST_PATHS || !requestsKept.contains(path));
    if (!requestsKept.isEmpty()) {
      previous.edges.stream()
          .filter(file -> file.rule() == REQUEST_PATHS && requestsKept.contains(file.path()))
          .forEach(edges::add);
      edges.sort(Comparator.comparingInt(FileEdges::rule).thenComparing(FileEdges::path));
    }
    Set<Symbol> allTests = new LinkedHashSet<>(tests.tests());
    allTests.addAll(tests.testTypes());
    return new CodeFrameworks(
        entryPoints.found(),
        allTests,
        tests.testTypes(),
        handlers,
        edges,
        BuildModules.withServices(layout, index),
        diagnostics);
  }

  /**
   * The files outside {@code changed} each of whose types is a test class now exactly when it was
   * one before: with the same handlers, they send the same requests to the same places.
   */
  private static Set<String> requestsKept(
      TypeIndex index, Set<Symbol> testTypes, Set<Symbol> testTypesBefore, Set<String> changed) {
    Set<String> kept = new HashSet<>();
    Set<String> lost = new HashSet<>(changed);
    for (Entry entry : index.entries()) {
      String path = entry.file().path();
      Symbol type = entry.type().symbol();
      if (lost.contains(path)) {
        continue;
      }
      if (testTypes.contains(type) == testTypesBefore.contains(type)) {
        kept.add(path);
      } else {
        lost.add(path);
        kept.remove(path);
      }
    }
    return kept;
  }

  /**
   * These facts for the code base {@code index} indexes, whose files differ from this one's only in
   * the bodies and lines of the Java files at {@code paths}: their edges are found again.
   */
  CodeFrameworks replacing(TypeIndex index, Set<String> paths) {
    if (paths.isEmpty()) {
      return this;
    }
    // The inherited tests of those files' classes come from the test methods of their ancestors:
    // only those are looked for, not every type's.
    List<List<MemberFact>> own = new ArrayList<>();
    IntFunction<List<MemberFact>> ownTests =
        position -> {
          while (own.size() <= position) {
            own.add(null);
          }
          if (own.get(position) == null) {
            own.set(position, TestRules.testMethods(index, index.entries().get(position)));
          }
          return own.get(position);
        };
    List<FileEdges> merged = new ArrayList<>();
    for (FileEdges file : edges) {
      if (!paths.contains(file.path())) {
        merged.add(file);
      }
    }
    merged.addAll(
        edges(
            index,
            (entry, out) -> TestRules.inheritedTests(index, entry, ownTests, out),
            new IndirectEdges(index, testClasses, handlers),
            (rule, path) -> paths.contains(path)));
    merged.sort(Comparator.comparingInt(FileEdges::rule).thenComparing(FileEdges::path));
    return new CodeFrameworks(
        entryPoints, tests, testClasses, handlers, merged, modules, diagnostics);
  }

  /** Every edge, rule by rule and file by file, each once. */
  List<Edge> allEdges() {
    Set<Edge> all = new LinkedHashSet<>();
    edges.forEach(file -> all.addAll(file.edges()));
    return List.copyOf(all);
  }

  /** Each rule's edges of the files {@code which} names it for, by rule then by path. */
  private static List<FileEdges> edges(
      TypeIndex index, Rule inheritedTests, IndirectEdges indirect, Which which) {
    List<Rule> rules =
        List.of(
            inheritedTests, indirect::classLiterals, indirect::requestPaths, indirect::bindings);
    List<List<FileEdges>> byRule = new ArrayList<>();
    List<Set<Edge>> found = new ArrayList<>();
    for (int rule = 0; rule < RULES; rule++) {
      byRule.add(new ArrayList<>());
      found.add(new LinkedHashSet<>());
    }
    String path = null;
    for (Entry entry : index.entries()) { // a file's types are together, files in path order
      String at = entry.file().path();
      if (!at.equals(path)) {
        flush(path, found, byRule);
        path = at;
      }
      for (int rule = 0; rule < RULES; rule++) {
        if (which.test(rule, at)) {
          rules.get(rule).edges(entry, found.get(rule));
        }
      }
    }
    flush(path, found, byRule);
    List<FileEdges> out = new ArrayList<>();
    byRule.forEach(out::addAll);
    return out;
  }

  private static void flush(String path, List<Set<Edge>> found, List<List<FileEdges>> byRule) {
    for (int rule = 0; rule < RULES; rule++) {
      Set<Edge> edges = found.get(rule);
      if (!edges.isEmpty()) {
        byRule.get(rule).add(new FileEdges(rule, path, List.copyOf(edges)));
        edges.clear();
      }
    }
  }
}
