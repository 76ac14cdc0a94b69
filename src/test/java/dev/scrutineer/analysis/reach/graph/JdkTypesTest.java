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

  @Test
  void jdkTypesArePrimitivesArraysAndClassesTheFileCanName() {
    FileFacts util = importing(new ImportFact("java.util.List", false, false));
    assertThat(JdkTypes.type("int", importing())).contains(int.class);
    assertThat(JdkTypes.type("char[][]", importing())).contains(char[][].class);
    assertThat(JdkTypes.type("List<String>", util)).contains(java.util.List.class);
    assertThat(JdkTypes.type("String[]", importing())).contains(String[].class);
    assertThat(JdkTypes.type("List", importing())).isEmpty(); // not imported
    assertThat(JdkTypes.type("InputException", importing())).isEmpty();
  }

  @Test
  void aStepGivesTheFieldsTypeOrTheReturnTypeEveryOverloadShares() {
    assertThat(JdkTypes.step(System.class, "out")).contains(java.io.PrintStream.class);
    assertThat(JdkTypes.step(Long.class, "MAX_VALUE")).contains(long.class);
    assertThat(JdkTypes.step(java.util.List.class, "stream/0"))
        .contains(java.util.stream.Stream.class);
    assertThat(JdkTypes.step(String.class, "valueOf/1")).contains(String.class);
    // Math.round(float) is an int, Math.round(double) a long: which one is not known.
    assertThat(JdkTypes.step(Math.class, "round/1")).isEmpty();
    // A type variable's erasure: List.get(int) gives an Object.
    assertThat(JdkTypes.step(java.util.List.class, "get/1")).contains(Object.class);
    // Interfaces have Object's methods too.
    assertThat(JdkTypes.step(CharSequence.class, "getClass/0")).contains(Class.class);
    assertThat(JdkTypes.step(String.class, "format/3")).contains(String.class); // varargs
    assertThat(JdkTypes.step(int[].class, "length")).contains(int.class);
    assertThat(JdkTypes.step(int[].class, "clone/0")).contains(int[].class);
    assertThat(JdkTypes.step(String.class, "noSuchMethod/0")).isEmpty();
    assertThat(JdkTypes.step(String.class, "noSuchField")).isEmpty();
    assertThat(JdkTypes.step(int.class, "length")).isEmpty();
  }
}
