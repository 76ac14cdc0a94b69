package dev.scrutineer.analysis.reach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdkTypesTest {
  private static FileFacts importing(ImportFact... imports) {
    return new FileFacts("A.java", "com.acme", List.of(imports), List.of(), Optional.empty());
  }

  @Test
  void aJdkTypeNamedThroughItsImportHasItsSupertypesFromTheRunningJdk() {
    FileFacts single = importing(new ImportFact("java.util.ListIterator", false, false));
    FileFacts onDemand = importing(new ImportFact("java.util", false, true));

    assertThat(JdkTypes.of("ListIterator<Item>", single)).containsExactly("Iterator");
    assertThat(JdkTypes.of("NavigableMap", onDemand)).contains("SortedMap", "Map");
    assertThat(JdkTypes.of("java.util.NavigableMap", importing())).contains("SortedMap", "Map");
  }

  @Test
  void nestedJdkTypesAndJavaLangAreFound() {
    FileFacts none = importing();
    assertThat(JdkTypes.of("Thread.UncaughtExceptionHandler", none)).isEmpty();
    assertThat(JdkTypes.of("Integer", none)).contains("Number", "Comparable");
    assertThat(JdkTypes.of("java.util.AbstractMap.SimpleEntry", none))
        .contains("Entry", "Serializable");
  }

  @Test
  void namesOutsideTheJdkHaveNone() {
    FileFacts none = importing(new ImportFact("dev.scrutineer.model", false, true));
    // Scrutineer's own classes are on the class path, but never asked for: only the JDK is.
    assertThat(JdkTypes.of("InputException", none)).isEmpty();
    assertThat(JdkTypes.of("NoSuchType", none)).isEmpty();
  }
}
