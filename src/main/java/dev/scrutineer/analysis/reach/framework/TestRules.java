package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Which declarations are tests: test methods (JUnit 4 and 5, TestNG), the test methods a concrete
 * class inherits, and test classes.
 *
 * <p>An inherited test method keeps its own symbol (it is declared once), and each concrete class
 * that inherits it without overriding it gets an {@code inherited-test} edge from the class to the
 * method: the runner runs the method as part of that class, so a change that reaches the method
 * reaches the class too, and the class is reported as a test that runs it.
 */
final class TestRules {
  static final String INHERITED_TEST = "inherited-test";

  private static final Set<String> TEST_ANNOTATIONS =
      Set.of(
          "Test",
          "ParameterizedTest",
          "RepeatedTest",
          "TestFactory",
          "TestTemplate",
          "Theory",
          "Property",
          "Example");
  private static final Set<String> NOT_TESTS =
      Set.of(
          "BeforeMethod",
          "AfterMethod",
          "BeforeClass",
          "AfterClass",
          "BeforeTest",
          "AfterTest",
          "BeforeSuite",
          "AfterSuite",
          "BeforeGroups",
          "AfterGroups",
          "DataProvider",
          "Factory");

  private final Set<Symbol> tests = new LinkedHashSet<>();
  private final Set<Symbol> testTypes = new LinkedHashSet<>();

  /** Each type's own test methods, by position in the index. */
  private final List<List<MemberFact>> ownTests;

  /** The {@code inherited-test} edges of each type, by position in the index. */
  private final List<List<Edge>> inherited;

  private TestRules(int types) {
    ownTests = new ArrayList<>(types);
    inherited = new ArrayList<>(types);
  }

  static TestRules scan(TypeIndex index) {
    TestRules rules = new TestRules(index.entries().size());
    // Each type's own test methods, found once: the second pass asks again for every ancestor.
    for (Entry entry : index.entries()) {
      rules.ownTests.add(rules.own(index, entry));
    }
    for (Entry entry : index.entries()) {
      rules.inherited.add(rules.inherit(index, entry));
    }
    return rules;
  }

  /**
   * The type's own test methods, recorded; a method of its own for the JIT, as {@link TypeIndex}'s
   * constructor says.
   */
  private List<MemberFact> own(TypeIndex index, Entry entry) {
    List<MemberFact> own = testMethods(index, entry);
    for (MemberFact m : own) {
      tests.add(m.symbol());
    }
    if (!own.isEmpty() || entry.isTestFile()) {
      testTypes.add(entry.type().symbol());
    }
    return own;
  }

  private List<Edge> inherit(TypeIndex index, Entry entry) {
    List<Edge> edges = new ArrayList<>();
    inheritedTests(index, entry, ownTests::get, edges);
    if (edges.isEmpty()) {
      return List.of(); // most types
    }
    testTypes.add(entry.type().symbol());
    return edges;
  }

  /**
   * The {@code inherited-test} edges of one type: from a concrete class to each test method it
   * inherits and does not override.
   *
   * @param ownTests each type's own test methods ({@link #testMethods}), by position in the index
   */
  static void inheritedTests(
      TypeIndex index, Entry entry, IntFunction<List<MemberFact>> ownTests, Collection<Edge> out) {
    if (entry.type().kind() != DeclarationKind.CLASS
        || entry.type().modifiers().contains("abstract")) {
      return;
    }
    for (Entry ancestor : index.ancestors(entry)) {
      for (MemberFact inherited : ownTests.apply(ancestor.position())) {
        if (isOverridden(index, entry, ancestor, inherited)) {
          continue;
        }
        out.add(
            new Edge(
                entry.type().symbol(),
                inherited.symbol(),
                INHERITED_TEST,
                Confidence.MEDIUM,
                entry.type().line()));
      }
    }
  }

  /** Own test methods only; TestNG's class-level {@code @Test} makes every public method one. */
  static List<MemberFact> testMethods(TypeIndex index, Entry entry) {
    boolean classLevel =
        EntryPoints.has(entry.type().annotations(), "Test")
            && entry.type().kind() == DeclarationKind.CLASS;
    List<MemberFact> out = List.of(); // most types: no test method, no list
    for (MemberFact member : entry.type().members()) {
      if (member.kind() != DeclarationKind.METHOD) {
        continue;
      }
      List<AnnotationFact> annotations = index.expand(member.annotations(), entry);
      boolean annotated = hasAny(annotations, TEST_ANNOTATIONS);
      boolean byClass =
          classLevel
              && member.modifiers().contains("public")
              && !member.modifiers().contains("static")
              && !hasAny(annotations, NOT_TESTS);
      if (annotated || byClass) {
        if (out.isEmpty()) {
          out = new ArrayList<>();
        }
        out.add(member);
      }
    }
    return out;
  }

  /** An indexed loop, as in {@link TypeIndex#expand}: this runs for every method of the index. */
  private static boolean hasAny(List<AnnotationFact> annotations, Set<String> simpleNames) {
    for (int i = 0; i < annotations.size(); i++) {
      if (simpleNames.contains(annotations.get(i).simpleName())) {
        return true;
      }
    }
    return false;
  }

  /** Overridden in the class or in a supertype nearer to it than {@code declaring}. */
  private static boolean isOverridden(
      TypeIndex index, Entry entry, Entry declaring, MemberFact method) {
    if (overrides(entry, method)) {
      return true;
    }
    for (Entry ancestor : index.ancestors(entry)) {
      if (ancestor.equals(declaring)) {
        return false;
      }
      if (overrides(ancestor, method)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overrides(Entry entry, MemberFact method) {
    for (MemberFact m : entry.methodsNamed(method.name())) {
      if (TypeIndex.sameSignature(m, method)) {
        return true;
      }
    }
    return false;
  }

  Set<Symbol> tests() {
    return tests;
  }

  Set<Symbol> testTypes() {
    return testTypes;
  }

  /** The {@code inherited-test} edges of the type at {@code position} in the index. */
  List<Edge> inherited(int position) {
    return inherited.get(position);
  }
}
