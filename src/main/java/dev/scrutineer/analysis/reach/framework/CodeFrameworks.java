package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.EntryPoints.Found;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the framework rules find in a code base whatever the change, type by type: entry points,
 * HTTP handlers, tests, application classes, and each rule's edges; with the build's modules.
 *
 * <p>What the rules find in a type depends on its own declarations and on the types the names it
 * looks up resolve to, and a name resolves to a type with its simple name or to none ({@link
 * TypeIndex}). So each type's findings keep the simple names looked up for them ({@link
 * TypeRules#reads}). In a code base whose Java files differ from this one's in some files, a type
 * outside them finds the same unless it looked up the simple name of a type those files declare
 * differently, on either side (added, removed, or reshaped; not when only bodies and lines differ).
 * {@link #update} runs the rules again for those types and the changed files' own only. Two more
 * things a type's findings depend on: the requests tests send are matched to every handler, so they
 * are matched again when the handlers differ; and a type declared twice shares its members' symbols
 * with its twin, so twins are found again together.
 *
 * @param types what the rules find in each type of the index, in its order (files by path)
 * @param layout the build's modules, before any is known to be a service
 * @param diagnostics the build files that could not be read
 */
record CodeFrameworks(List<TypeRules> types, List<Module> layout, List<Diagnostic> diagnostics) {
  /**
   * The rules whose edges {@link TypeRules#edges} holds: inherited tests, class literals, request
   * paths and bindings, in that order.
   */
  static final int RULES = 4;

  static final int INHERITED_TESTS = 0;
  static final int REQUEST_PATHS = 2;

  CodeFrameworks {
    types = List.copyOf(types);
    layout = List.copyOf(layout);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * What the rules find in one type.
   *
   * @param path the file that declares it
   * @param type its symbol
   * @param entryPoints its members that are entry points, in the order the rules find them
   * @param handlers the HTTP handlers among them
   * @param tests its own test methods
   * @param testClass whether its own test methods or its file make it a test class (a class that
   *     only inherits test methods is one by its {@link #INHERITED_TESTS} edges)
   * @param application whether it is an application class, which makes its module a service
   * @param edges each rule's edges from it and its members, by rule
   * @param reads the simple names looked up to find all this, sorted
   */
  record TypeRules(
      String path,
      Symbol type,
      Map<Symbol, List<EntryPointSpec>> entryPoints,
      List<Handler> handlers,
      List<Symbol> tests,
      boolean testClass,
      boolean application,
      List<List<Edge>> edges,
      List<String> reads) {
    TypeRules {
      entryPoints = entryPoints.isEmpty() ? Map.of() : Collections.unmodifiableMap(entryPoints);
      handlers = List.copyOf(handlers);
      tests = List.copyOf(tests);
      edges = List.copyOf(edges);
      reads = List.copyOf(reads);
    }

    /** These findings with the edges of {@code rule} replaced. */
    TypeRules withEdges(int rule, List<Edge> ruleEdges) {
      List<List<Edge>> replaced = new ArrayList<>(edges);
      replaced.set(rule, ruleEdges);
      return new TypeRules(
          path, type, entryPoints, handlers, tests, testClass, application, replaced, reads);
    }
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
    return new Scan(index)
        .run(new TypeRules[index.entries().size()], List.of(), layout, diagnostics);
  }

  /**
   * These facts for the code base {@code index} indexes, with this code base's modules: see {@link
   * #update(TypeIndex, Set, Set, List, List)}.
   */
  CodeFrameworks update(TypeIndex index, Set<String> changed, Set<String> kept) {
    return update(index, changed, kept, layout, diagnostics);
  }

  /**
   * These facts for the code base {@code index} indexes, whose Java files differ from this one's at
   * {@code changed} only (edited, added or removed): the rules run again for the types those files
   * declare and for those that looked up a name that may now resolve elsewhere.
   *
   * @param kept the files of {@code changed} that declare the same on both sides (same package,
   *     imports, types and members; {@link FrameworksCache#sameDeclarations}): only their bodies
   *     and lines differ, which no other type's findings read
   * @param layout the modules of that code base's build
   * @param diagnostics what could not be read of its build
   */
  CodeFrameworks update(
      TypeIndex index,
      Set<String> changed,
      Set<String> kept,
      List<Module> layout,
      List<Diagnostic> diagnostics) {
    return new Scan(index).run(reusable(index, changed, kept), handlers(), layout, diagnostics);
  }

  /**
   * The findings of this code base that hold for each type of {@code index}, by position; null for
   * a type the rules must run for again.
   */
  private TypeRules[] reusable(TypeIndex index, Set<String> changed, Set<String> kept) {
    Set<String> reshaped = new HashSet<>();
    for (TypeRules type : types) {
      if (changed.contains(type.path()) && !kept.contains(type.path())) {
        reshaped.add(TypeIndex.simpleName(type.type().name()));
      }
    }
    List<Entry> entries = index.entries();
    for (Entry entry : entries) {
      String path = entry.file().path();
      if (changed.contains(path) && !kept.contains(path)) {
        reshaped.add(entry.simpleName());
      }
    }
    // Both lists hold types file by file, in path order: walked side by side, a file at a time.
    TypeRules[] reused = new TypeRules[entries.size()];
    int from = 0;
    for (int at = 0; at < entries.size(); ) {
      FileFacts file = entries.get(at).file();
      int end = at + 1;
      while (end < entries.size() && entries.get(end).file() == file) {
        end++;
      }
      while (from < types.size() && types.get(from).path().compareTo(file.path()) < 0) {
        from++;
      }
      int to = from;
      while (to < types.size() && types.get(to).path().equals(file.path())) {
        to++;
      }
      if (to - from == end - at && !changed.contains(file.path())) { // the same file, so its types
        for (int i = at; i < end; i++) {
          TypeRules found = types.get(from + i - at);
          if (Collections.disjoint(found.reads(), reshaped)) {
            reused[i] = found;
          }
        }
      }
      from = to;
      at = end;
    }
    // A twin of a type found again, or of one gone: they share their members' symbols.
    Set<Symbol> again = new HashSet<>();
    for (TypeRules type : types) {
      if (changed.contains(type.path())) {
        again.add(type.type());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (reused[i] == null) {
        again.add(entries.get(i).type().symbol());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (reused[i] != null && again.contains(reused[i].type())) {
        reused[i] = null;
      }
    }
    return reused;
  }

  /** One run of the rules over the types of an index that findings are not reused for. */
  private static final class Scan {
    private final TypeIndex index;
    private final List<Entry> entries;
    private final TypeIndex.Memo<List<MemberFact>> ownTests;

    Scan(TypeIndex index) {
      this.index = index;
      this.entries = index.entries();
      this.ownTests = index.memo();
    }

    /**
     * @param reused findings kept by position, null where the rules run
     * @param handlersBefore the handlers the kept findings' requests were matched to
     */
    CodeFrameworks run(
        TypeRules[] reused,
        List<Handler> handlersBefore,
        List<Module> layout,
        List<Diagnostic> diagnostics) {
      int n = entries.size();
      List<Set<String>> reads = new ArrayList<>(n);
      Found[] found = new Found[n];
      List<List<MemberFact>> own = new ArrayList<>(n);
      EntryPoints entryPoints = new EntryPoints(index);
      for (int i = 0; i < n; i++) {
        Entry entry = entries.get(i);
        if (reused[i] != null) {
          reads.add(null);
          own.add(null);
          continue;
        }
        Set<String> read = new HashSet<>();
        reads.add(read);
        found[i] = index.reading(read, () -> entryPoints.of(entry));
        own.add(index.reading(read, () -> ownTests.get(entry, this::testMethods)));
      }
      Set<Handler> handlers = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        handlers.addAll(reused[i] != null ? reused[i].handlers() : found[i].handlers());
      }
      List<List<Edge>> inherited = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Entry entry = entries.get(i);
        if (reused[i] != null) {
          inherited.add(reused[i].edges().get(INHERITED_TESTS));
          continue;
        }
        Set<Edge> edges = new LinkedHashSet<>();
        index.reading(
            reads.get(i),
            () -> {
              TestRules.inheritedTests(
                  index, entry, e -> ownTests.get(e, this::testMethods), edges);
              return edges;
            });
        inherited.add(List.copyOf(edges));
      }
      Set<Symbol> testClasses = new HashSet<>();
      boolean[] testClass = new boolean[n];
      for (int i = 0; i < n; i++) {
        testClass[i] =
            reused[i] != null
                ? reused[i].testClass()
                : !own.get(i).isEmpty() || entries.get(i).isTestFile();
        if (testClass[i] || !inherited.get(i).isEmpty()) {
          testClasses.add(entries.get(i).type().symbol());
        }
      }
      List<Handler> allHandlers = List.copyOf(handlers);
      boolean sameHandlers = allHandlers.equals(handlersBefore);
      IndirectEdges indirect = new IndirectEdges(index, testClasses, allHandlers);
      List<TypeRules> types = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Entry entry = entries.get(i);
        TypeRules kept = reused[i];
        if (kept != null) {
          // Matching requests looks no name up: the findings' reads stay as they were.
          types.add(
              sameHandlers
                  ? kept
                  : kept.withEdges(REQUEST_PATHS, ruleEdges(entry, indirect::requestPaths)));
          continue;
        }
        Set<String> read = reads.get(i);
        List<Edge> inheritedTests = inherited.get(i);
        List<List<Edge>> edges =
            index.reading(
                read,
                () ->
                    List.of(
                        inheritedTests,
                        ruleEdges(entry, indirect::classLiterals),
                        ruleEdges(entry, indirect::requestPaths),
                        ruleEdges(entry, indirect::bindings)));
        types.add(
            new TypeRules(
                entry.file().path(),
                entry.type().symbol(),
                found[i].entryPoints(),
                found[i].handlers(),
                own.get(i).stream().map(MemberFact::symbol).toList(),
                testClass[i],
                BuildModules.isApplication(entry),
                edges,
                List.copyOf(new TreeSet<>(read))));
      }
      return new CodeFrameworks(types, layout, diagnostics);
    }

    private List<MemberFact> testMethods(Entry entry) {
      return TestRules.testMethods(index, entry);
    }
  }

  /** How a rule adds the edges of one type. */
  private interface Rule {
    void edges(Entry entry, Collection<Edge> out);
  }

  private static List<Edge> ruleEdges(Entry entry, Rule rule) {
    Set<Edge> edges = new LinkedHashSet<>();
    rule.edges(entry, edges);
    return edges.isEmpty() ? List.of() : List.copyOf(edges);
  }

  // ---------------------------------------------------------------- what they add up to

  /** Member symbols a framework or the JVM calls, with what they are called; in index order. */
  Map<Symbol, List<EntryPointSpec>> entryPoints() {
    Map<Symbol, List<EntryPointSpec>> all = new LinkedHashMap<>();
    for (TypeRules type : types) {
      type.entryPoints()
          .forEach(
              (symbol, specs) -> {
                List<EntryPointSpec> known = all.computeIfAbsent(symbol, k -> new ArrayList<>());
                specs.stream().filter(spec -> !known.contains(spec)).forEach(known::add);
              });
    }
    return all;
  }

  /** The HTTP handlers, each once, in index order. */
  List<Handler> handlers() {
    Set<Handler> all = new LinkedHashSet<>();
    types.forEach(type -> all.addAll(type.handlers()));
    return List.copyOf(all);
  }

  /**
   * Test classes: those with own test methods or in test files, then those that only inherit test
   * methods.
   */
  Set<Symbol> testClasses() {
    Set<Symbol> all = new LinkedHashSet<>();
    for (TypeRules type : types) {
      if (type.testClass()) {
        all.add(type.type());
      }
    }
    for (TypeRules type : types) {
      if (!type.edges().get(INHERITED_TESTS).isEmpty()) {
        all.add(type.type());
      }
    }
    return all;
  }

  /** Test methods, then {@code testClasses} (as {@link #testClasses} gives them). */
  Set<Symbol> tests(Set<Symbol> testClasses) {
    Set<Symbol> all = new LinkedHashSet<>();
    types.forEach(type -> all.addAll(type.tests()));
    all.addAll(testClasses);
    return all;
  }

  /** Every edge, rule by rule and type by type, each once. */
  List<Edge> allEdges() {
    Set<Edge> all = new LinkedHashSet<>();
    for (int rule = 0; rule < RULES; rule++) {
      for (TypeRules type : types) {
        all.addAll(type.edges().get(rule));
      }
    }
    return List.copyOf(all);
  }

  /** The build's modules, each a service when it holds an application class. */
  List<Module> modules() {
    Set<String> applications = new LinkedHashSet<>();
    for (TypeRules type : types) {
      if (type.application()) {
        applications.add(type.path());
      }
    }
    return BuildModules.withServices(layout, applications);
  }
}
