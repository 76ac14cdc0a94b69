package dev.scrutineer.analysis.reach.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Scans of code bases held in memory, and the check that an update finds what a scan does. */
final class Updates {
  /** Facts by content, shared: the same files are indexed again and again. */
  private static final FactsCache FACTS = FactsCache.inMemory();

  private Updates() {}

  static CodeIndex index(Map<String, String> files) {
    return CodeIndex.build(MemoryTree.listing(files), FACTS, 1);
  }

  static CodeFrameworks scan(Map<String, String> files) {
    CodeIndex index = index(files);
    return CodeFrameworks.scan(
        new TypeIndex(index.files()), index.files(), MemoryTree.listing(files), List.of());
  }

  /** The Java files that differ between two sides, or that only one has. */
  static Set<String> javaChanged(Map<String, String> from, Map<String, String> to) {
    Set<String> changed = new TreeSet<>(from.keySet());
    changed.addAll(to.keySet());
    changed.removeIf(p -> !p.endsWith(".java") || Objects.equals(from.get(p), to.get(p)));
    return changed;
  }

  /**
   * The facts of {@code from}, updated for {@code to}, are those a scan of {@code to} finds, and so
   * is all they add up to, in the same order.
   */
  static void assertUpdateIsScan(Map<String, String> from, Map<String, String> to) {
    Set<String> changed = javaChanged(from, to);
    CodeIndex toIndex = index(to);
    CodeFrameworks updated =
        scan(from)
            .update(
                new TypeIndex(toIndex.files()),
                changed,
                FrameworksCache.declaringTheSame(changed, index(from), toIndex));
    assertSame(updated, scan(to));
  }

  /** Equal, and equal in every order the report can show. */
  static void assertSame(CodeFrameworks actual, CodeFrameworks expected) {
    assertThat(actual.types()).hasSameSizeAs(expected.types());
    for (int i = 0; i < expected.types().size(); i++) { // one type at a time: a readable failure
      assertThat(actual.types().get(i)).isEqualTo(expected.types().get(i));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(List.copyOf(actual.entryPoints().entrySet()))
        .isEqualTo(List.copyOf(expected.entryPoints().entrySet()));
    assertThat(List.copyOf(actual.tests(actual.testClasses())))
        .isEqualTo(List.copyOf(expected.tests(expected.testClasses())));
    assertThat(List.copyOf(actual.testClasses())).isEqualTo(List.copyOf(expected.testClasses()));
    assertThat(actual.handlers()).isEqualTo(expected.handlers());
    assertThat(actual.allEdges()).isEqualTo(expected.allEdges());
    assertThat(actual.modules()).isEqualTo(expected.modules());
  }
}
