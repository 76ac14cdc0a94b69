package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What frameworks add to plain Java reach, as data: entry points, tests, edges no Java call
 * expresses, and the build's modules.
 *
 * @param entryPoints member symbols a framework or the JVM calls from outside, with what they are
 *     called in production; in index order
 * @param tests test methods (JUnit 4 and 5, TestNG) and test classes (types with own or inherited
 *     test methods, and every type under {@code src/test/})
 * @param testClasses the test classes of {@code tests}
 * @param edges {@code from} depends on {@code to}: {@code class-literal} and {@code request-path}
 *     (MEDIUM), {@code config-key} (MEDIUM, to {@link ConfigKeyChange#node(String)}), {@code
 *     inherited-test} (MEDIUM, from a concrete test class to each test method it inherits and does
 *     not override) and {@code reflection} (LOW, from an HTTP handler to the getters, setters and
 *     record components of the types it returns or binds)
 * @param configKeyChanges keys the change's {@code application*.yml|yaml|properties} files edit;
 *     seed reach from {@link ConfigKeyChange#node()}
 * @param modules build modules, sorted by directory (see {@link BuildModules} for names and
 *     services)
 * @param diagnostics input this could not read (an oversized or unparsable build file)
 */
public record FrameworkFacts(
    Map<Symbol, List<EntryPointSpec>> entryPoints,
    Set<Symbol> tests,
    Set<Symbol> testClasses,
    List<Edge> edges,
    List<ConfigKeyChange> configKeyChanges,
    List<Module> modules,
    List<Diagnostic> diagnostics) {
  public FrameworkFacts {
    Map<Symbol, List<EntryPointSpec>> copy = new LinkedHashMap<>();
    entryPoints.forEach((symbol, specs) -> copy.put(symbol, List.copyOf(specs)));
    entryPoints = java.util.Collections.unmodifiableMap(copy);
    tests = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tests));
    testClasses = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(testClasses));
    edges = List.copyOf(edges);
    configKeyChanges = List.copyOf(configKeyChanges);
    modules = List.copyOf(modules);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Reads the framework facts of a code base.
   *
   * @param files the facts of every Java file at head
   * @param tree the head side, for build files and configuration files
   * @param change the change, for the configuration keys it edits
   */
  public static FrameworkFacts analyze(
      Collection<FileFacts> files, SourceTree tree, ChangeSet change) {
    TypeIndex index = new TypeIndex(files);
    List<String> changedPaths = change.files().stream().map(FileChange::path).toList();
    return of(CodeFrameworks.scan(index, files, tree, changedPaths), () -> index, tree, change);
  }

  /**
   * The facts of a code base that {@code code} holds what the rules find in, with what {@code
   * change} adds: the configuration keys it edits and their readers.
   *
   * @param index that code base's types, asked for only when configuration keys changed
   */
  static FrameworkFacts of(
      CodeFrameworks code, Supplier<TypeIndex> index, SourceTree tree, ChangeSet change) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<ConfigKeyChange> keys = ConfigKeys.changedKeys(change, tree, diagnostics);
    List<Edge> edges = new ArrayList<>(code.allEdges());
    if (!keys.isEmpty()) {
      edges.addAll(ConfigKeys.readers(index.get(), keys));
    }
    diagnostics.addAll(code.diagnostics());
    Set<Symbol> testClasses = code.testClasses();
    return new FrameworkFacts(
        code.entryPoints(),
        code.tests(testClasses),
        testClasses,
        edges,
        keys,
        code.modules(),
        diagnostics);
  }

  /** The module whose directory most closely encloses {@code path}. */
  public Optional<Module> moduleOf(String path) {
    return BuildModules.nearest(modules, path);
  }

  /** The labels of one member, empty when it is no entry point. */
  public List<EntryPointSpec> entryPointsOf(Symbol member) {
    return entryPoints.getOrDefault(member, List.of());
  }
}
