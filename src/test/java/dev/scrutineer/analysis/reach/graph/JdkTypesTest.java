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

    assertThat(JdkTypes.find("ListIterator<Item>", single).orElse(List.of()))
        .containsExactly("Iterator");
    assertThat(JdkTypes.find("NavigableMap", onDemand).orElse(List.of()))
        .contains("SortedMap", "Map");
    assertThat(JdkTypes.find("java.util.NavigableMap", importing()).orElse(List.of()))
        .contains("SortedMap", "Map");
  }

  @Test
  void nestedJdkTypesAndJavaLangAreFound() {
    FileFacts none = importing();
    assertThat(JdkTypes.find("Thread.UncaughtExceptionHandler", none).orElse(List.of())).isEmpty();
    assertThat(JdkTypes.find("Integer", none).orElse(List.of())).contains("Number", "Comparable");
    assertThat(JdkTypes.find("java.util.AbstractMap.SimpleEntry", none).orElse(List.of()))
        .contains("Entry", "Serializable");
  }

  @Test
  void namesOutsideTheJdkHaveNone() {
    FileFacts none = importing(new ImportFact("dev.scrutineer.model", false, true));
    // Scrutineer's own classes are on the class path, but never asked for: only the JDK is.
    assertThat(JdkTypes.find("InputException", none).orElse(List.of())).isEmpty();
    assertThat(JdkTypes.find("NoSuchType", none).orElse(List.of())).isEmpty();
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

  /** What {@code step} gives on {@code type} with these type arguments, written out. */
  private static String given(Class<?> type, String step, String... arguments) {
    return JdkTypes.step(type, step)
        .flatMap(t -> JdkTypes.substitute(t, type, List.of(arguments)))
        .orElse("(unknown)");
  }

  @Test
  void aStepGivesTheFieldsTypeOrTheReturnTypeEveryOverloadShares() {
    assertThat(given(System.class, "out")).isEqualTo("java.io.PrintStream");
    assertThat(given(Long.class, "MAX_VALUE")).isEqualTo("long");
    assertThat(given(String.class, "valueOf/1")).isEqualTo("java.lang.String");
    // Math.round(float) is an int, Math.round(double) a long: which one is not known.
    assertThat(given(Math.class, "round/1")).isEqualTo("(unknown)");
    assertThat(given(String.class, "format/3")).isEqualTo("java.lang.String"); // varargs
    assertThat(given(CharSequence.class, "getClass/0")).isEqualTo("java.lang.Class<?>");
    assertThat(given(int[].class, "length")).isEqualTo("int");
    assertThat(given(int[].class, "clone/0")).isEqualTo("int[]");
    assertThat(given(String.class, "noSuchMethod/0")).isEqualTo("(unknown)");
    assertThat(given(String.class, "noSuchField")).isEqualTo("(unknown)");
    assertThat(given(int.class, "length")).isEqualTo("(unknown)");
  }

  @Test
  void typeArgumentsGiveWhatGenericMembersReturn() {
    assertThat(given(java.util.List.class, "get/1", "Owner")).isEqualTo("Owner");
    assertThat(given(java.util.List.class, "get/1")).isEqualTo("(unknown)"); // a raw List
    // stream() is Collection's: List<E> passes its E on.
    assertThat(given(java.util.List.class, "stream/0", "Owner"))
        .isEqualTo("java.util.stream.Stream<Owner>");
    assertThat(given(java.util.ArrayList.class, "iterator/0", "Owner"))
        .isEqualTo("java.util.Iterator<Owner>");
    assertThat(given(java.util.Map.class, "entrySet/0", "String", "Owner"))
        .isEqualTo("java.util.Set<java.util.Map.Entry<String,Owner>>");
    assertThat(given(java.util.Map.Entry.class, "getValue/0", "String", "Owner"))
        .isEqualTo("Owner");
    assertThat(given(java.util.Optional.class, "orElseThrow/0", "Owner")).isEqualTo("Owner");
    assertThat(given(java.util.stream.Stream.class, "filter/1", "Owner"))
        .isEqualTo("java.util.stream.Stream<Owner>");
    // map(..)'s R is the method's own: what it is, the lambda would tell.
    assertThat(given(java.util.stream.Stream.class, "map/1", "Owner"))
        .isEqualTo("java.util.stream.Stream<?>");
    assertThat(given(java.util.Optional.class, "get/0", "?")).isEqualTo("(unknown)");
    assertThat(JdkTypes.typeArguments("Map<String,List<Owner>>"))
        .containsExactly("String", "List<Owner>");
    assertThat(JdkTypes.typeArguments("List")).isEmpty();
  }

  @Test
  void aLambdasParameterIsTheFunctionalInterfacesParameter() {
    List<String> owner = List.of("Owner");
    assertThat(JdkTypes.lambdaParameter(java.util.stream.Stream.class, "filter/1~0.0", owner))
        .contains("Owner");
    assertThat(JdkTypes.lambdaParameter(java.util.List.class, "forEach/1~0.0", owner))
        .contains("Owner");
    assertThat(
            JdkTypes.lambdaParameter(
                java.util.Map.class, "forEach/1~0.1", List.of("String", "Owner")))
        .contains("Owner");
    assertThat(
            JdkTypes.lambdaParameter(
                java.util.Map.class, "computeIfAbsent/2~1.0", List.of("String", "Owner")))
        .contains("String");
    // A raw type, a parameter the interface does not have, an argument that is no lambda's.
    assertThat(JdkTypes.lambdaParameter(java.util.List.class, "forEach/1~0.0", List.of()))
        .isEmpty();
    assertThat(JdkTypes.lambdaParameter(java.util.List.class, "forEach/1~0.1", owner)).isEmpty();
    assertThat(JdkTypes.lambdaParameter(String.class, "length/0~0.0", List.of())).isEmpty();
  }

  @Test
  void aLambdaThatIsAValueOfAFunctionalInterfaceTakesItsMethodsParameters() {
    List<String> types = List.of("Order", "Money", "Receipt");
    assertThat(JdkTypes.ownLambdaParameter(java.util.function.BiFunction.class, "~.1", types))
        .contains("Money");
    assertThat(
            JdkTypes.ownLambdaParameter(
                java.util.function.UnaryOperator.class, "~.0", List.of("Money")))
        .contains("Money");
    assertThat(JdkTypes.ownLambdaParameter(java.util.function.IntPredicate.class, "~.0", List.of()))
        .contains("int");
    // A parameter the method does not have, a wildcard, no functional interface.
    assertThat(JdkTypes.ownLambdaParameter(java.util.function.BiFunction.class, "~.2", types))
        .isEmpty();
    assertThat(
            JdkTypes.ownLambdaParameter(
                java.util.function.Function.class, "~.0", List.of("?", "Money")))
        .isEmpty();
    assertThat(JdkTypes.ownLambdaParameter(java.util.List.class, "~.0", List.of("Order")))
        .isEmpty();
  }
}
