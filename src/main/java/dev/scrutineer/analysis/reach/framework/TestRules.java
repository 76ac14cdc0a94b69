package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

  private TestRules() {}

  /**
   * The {@code inherited-test} edges of one type: from a concrete class to each test method it
   * inherits and does not override.
   *
   * @param ownTests each type's own test methods ({@link #testMethods})
   */
  static void inheritedTests(
      TypeIndex index,
      Entry entry,
      Function<Entry, List<MemberFact>> ownTests,
      Collection<Edge> out) {
    if (entry.type().kind() != DeclarationKind.CLASS
        || entry.type().modifiers().contains("abstract")) {
      return;
    }
    for (Entry ancestor : index.ancestors(entry)) {
      for (MemberFact inherited : ownTests.apply(ancestor)) {
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
}
