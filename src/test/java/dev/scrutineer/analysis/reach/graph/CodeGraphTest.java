package dev.scrutineer.analysis.reach.graph;

import static dev.scrutineer.analysis.reach.graph.Facts.enumType;
import static dev.scrutineer.analysis.reach.graph.Facts.file;
import static dev.scrutineer.analysis.reach.graph.Facts.iface;
import static dev.scrutineer.analysis.reach.graph.Facts.record;
import static dev.scrutineer.analysis.reach.graph.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.analysis.reach.graph.Facts.MemberBuilder;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CodeGraphTest {
  private static final String P = "com.acme";

  private static Symbol s(String qualified) {
    int hash = qualified.indexOf('#');
    String typePart = hash < 0 ? qualified : qualified.substring(0, hash);
    // The package is the lower-case prefix.
    String[] parts = typePart.split("\\.");
    int i = 0;
    while (i < parts.length - 1 && Character.isLowerCase(parts[i].charAt(0))) {
      i++;
    }
    String pkg = String.join(".", Arrays.copyOfRange(parts, 0, i));
    return new Symbol(pkg, qualified.substring(pkg.isEmpty() ? 0 : pkg.length() + 1));
  }

  private static CodeGraph graph(Facts.FileBuilder... files) {
    return graph(List.of(), files);
  }

  private static CodeGraph graph(List<Edge> extra, Facts.FileBuilder... files) {
    List<FileFacts> facts = new ArrayList<>();
    for (Facts.FileBuilder f : files) {
      facts.add(f.build());
    }
    return CodeGraph.link(facts, extra);
  }

  private static Set<String> reach(CodeGraph graph, String... seeds) {
    return graph.reach(Arrays.stream(seeds).map(CodeGraphTest::s).toList()).reached().stream()
        .map(Symbol::qualified)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** What depends directly on {@code target}, as "from via confidence". */
  private static Set<String> dependents(CodeGraph graph, String target) {
    return graph.dependents(s(target)).stream()
        .map(e -> e.from().qualified() + " " + e.via() + " " + e.confidence().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void nestedTypeShadowsSingleImport() {
    CodeGraph g =
        graph(
            file("other", "Helper").type(type("Helper").method("run()")),
            file(P, "A")
                .imports("other.Helper")
                .type(type("A").method("go()", m -> m.callOn("Helper", "run", 0)))
                .type(type("A.Helper").method("run()")));
    assertThat(dependents(g, "com.acme.A.Helper#run()"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "other.Helper#run()")).isEmpty();
  }

  @Test
  void aCallOnAFieldDispatchesOnTheFieldsDeclaredType() {
    CodeGraph g =
        graph(
            file(P, "Label")
                .type(
                    type("Label")
                        .modifiers("abstract")
                        .field("static PLAIN", f -> f.typed("Label"))
                        .method("abstract render(String)")),
            file(P, "PlainLabel").type(type("PlainLabel").ext("Label").method("render(String)")),
            file(P, "Poster").type(type("Poster").method("render(String)")),
            file(P, "A")
                .type(type("A").method("go()", m -> m.callOnField("Label", "PLAIN", "render", 1))));
    assertThat(dependents(g, "com.acme.Label#render(String)"))
        .containsExactlyInAnyOrder(
            "com.acme.A#go() call high", "com.acme.PlainLabel#render(String) override high");
    assertThat(dependents(g, "com.acme.PlainLabel#render(String)"))
        .containsExactly("com.acme.A#go() call medium");
    assertThat(dependents(g, "com.acme.Poster#render(String)")).isEmpty();
  }

  @Test
  void aCallOnAnInheritedFieldDispatchesOnItsDeclaredType() {
    CodeGraph g =
        graph(
            file(P, "Base").type(type("Base").field("repo", f -> f.typed("Repo"))),
            file(P, "Repo").type(type("Repo").method("load()")),
            file(P, "Cache").type(type("Cache").method("load()")),
            file(P, "Child")
                .type(
                    type("Child")
                        .ext("Base")
                        .method("go()", m -> m.callOnField("Child", "repo", "load", 0))));
    assertThat(dependents(g, "com.acme.Repo#load()"))
        .containsExactly("com.acme.Child#go() call high");
    assertThat(dependents(g, "com.acme.Cache#load()")).isEmpty();
  }

  @Test
  void aChainOfCallsFollowsEachMethodsReturnType() {
    CodeGraph g =
        graph(
            file(P, "Orders")
                .type(type("Orders").method("static builder()", b -> b.typed("Builder")))
                .type(
                    type("Orders.Builder")
                        .method("limit(int)", b -> b.typed("Builder"))
                        .method("build()", b -> b.typed("Orders"))),
            file(P, "Crate").type(type("Crate").method("build()")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()", m -> m.callOnChain("Orders#builder/0#limit/1", "build", 0))));
    assertThat(dependents(g, "com.acme.Orders.Builder#build()"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "com.acme.Crate#build()")).isEmpty();
  }

  @Test
  void aChainThatLeavesTheIndexOrFindsNothingFallsBackToTheName() {
    CodeGraph g =
        graph(
            file(P, "Repo").type(type("Repo").method("find(long)", b -> b.typed("Optional"))),
            file(P, "Order").type(type("Order").method("total()")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()",
                            m ->
                                m.callOnChain("Repo#find/1#get/0", "total", 0)
                                    .callOnChain("Repo#missing/0", "total", 0))));
    assertThat(dependents(g, "com.acme.Order#total()")).containsExactly("com.acme.A#go() call low");
  }

  @Test
  void aCallOnAFieldOutsideTheIndexFallsBackToTheName() {
    CodeGraph g =
        graph(
            file(P, "Printer").type(type("Printer").method("println(Object)")),
            file(P, "A")
                .type(
                    type("A").method("go()", m -> m.callOnField("Console", "out", "println", 1))));
    assertThat(dependents(g, "com.acme.Printer#println(Object)"))
        .containsExactly("com.acme.A#go() call low");
  }

  @Test
  void typeArgumentsOfTheJdksGenericTypesSayWhatTheirMembersReturn() {
    CodeGraph g =
        graph(
            file(P, "Item").type(type("Item").method("name()")),
            file(P, "Tag").type(type("Tag").method("name()")),
            file(P, "A")
                .imports("java.util.List", "java.util.Map")
                .type(
                    type("A")
                        .method("first()", m -> m.callOnChain("List<Item>#get/1", "name", 0))
                        .method(
                            "streamed()",
                            m ->
                                m.callOnChain(
                                    "List<Item>#stream/0#findFirst/0#orElseThrow/0", "name", 0))
                        .method(
                            "entry()",
                            m ->
                                m.callOnChain(
                                    "Map<String,Item>#entrySet/0#iterator/0#next/0#getValue/0",
                                    "name",
                                    0))));
    assertThat(dependents(g, "com.acme.Item#name()"))
        .containsExactly(
            "com.acme.A#entry() call high",
            "com.acme.A#first() call high",
            "com.acme.A#streamed() call high");
    assertThat(reach(g, "com.acme.Tag#name()")).isEmpty();
  }

  @Test
  void aLambdasParameterIsWhatTheJdkMethodItIsPassedToGivesIt() {
    CodeGraph g =
        graph(
            file(P, "Item").type(type("Item").method("heavy()").method("render(String)")),
            file(P, "Tag").type(type("Tag").method("heavy()").method("render(String)")),
            file(P, "A")
                .imports("java.util.List", "java.util.Map")
                .type(
                    type("A")
                        .method(
                            "filtered()",
                            m -> m.callOnChain("List<Item>#stream/0#filter/1~0.0", "heavy", 0))
                        .method(
                            "each()",
                            m -> m.callOnChain("Map<String,Item>#forEach/1~0.1", "render", 1))
                        .method(
                            "keys()",
                            m -> m.callOnChain("Map<String,Item>#forEach/1~0.0", "length", 0))));
    assertThat(dependents(g, "com.acme.Item#heavy()"))
        .containsExactly("com.acme.A#filtered() call high");
    assertThat(dependents(g, "com.acme.Item#render(String)"))
        .containsExactly("com.acme.A#each() call high");
    assertThat(reach(g, "com.acme.Tag#heavy()")).isEmpty();
    assertThat(reach(g, "com.acme.Tag#render(String)")).isEmpty();
  }

  @Test
  void typeArgumentsOfAMembersDeclaredTypeAreReadWhereItIsDeclared() {
    CodeGraph g =
        graph(
            file(P, "Item").type(type("Item").method("name()")),
            file("com.acme.other", "Item").type(type("Item").method("name()")),
            file(P, "Clinic")
                .imports("java.util.List")
                .type(
                    type("Clinic")
                        .member(DeclarationKind.METHOD, "items()", m -> m.typed("List<Item>"))),
            file("com.acme.other", "A")
                .imports("com.acme.Clinic")
                .type(
                    type("A")
                        .method("first()", m -> m.callOnChain("Clinic#items/0#get/1", "name", 0))));
    assertThat(dependents(g, "com.acme.Item#name()"))
        .containsExactly("com.acme.other.A#first() call high");
    assertThat(reach(g, "com.acme.other.Item#name()")).isEmpty();
  }

  @Test
  void outerThisCallsTheEnclosingType() {
    CodeGraph g =
        graph(
            file(P, "Builder")
                .type(type("Builder").method("append(char)"))
                .type(
                    type("Builder.Writer")
                        .method("write(int)", m -> m.callOuterThis("Builder", "append", "char"))),
            file(P, "Other").type(type("Other").method("append(int)")));
    assertThat(dependents(g, "com.acme.Builder#append(char)"))
        .containsExactly("com.acme.Builder.Writer#write(int) call high");
    assertThat(reach(g, "com.acme.Other#append(int)")).isEmpty();
  }

  @Test
  void aCallThroughTheJdksTypesCallsTheJdkNotTheCodeBase() {
    CodeGraph g =
        graph(
            file(P, "Printer")
                .type(type("Printer").method("println(Object)").method("filter(int)")),
            file(P, "Cursor")
                .imports("java.util.Iterator")
                .type(type("Cursor").ext("Iterator<Item>").method("next()")),
            file(P, "A")
                .imports("java.util.List")
                .type(
                    type("A")
                        .method("out()", m -> m.callOnField("System", "out", "println", 1))
                        .method("stream()", m -> m.callOnChain("List#stream/0", "filter", 1))
                        .method("loop()", m -> m.callOnChain("List#iterator/0", "next", 0))));
    assertThat(reach(g, "com.acme.Printer#println(Object)")).isEmpty();
    assertThat(reach(g, "com.acme.Printer#filter(int)")).isEmpty();
    // An Iterator is what List#iterator() gives: the code base's iterators may be it.
    assertThat(dependents(g, "com.acme.Cursor#next()"))
        .containsExactly("com.acme.A#loop() call low");
  }

  @Test
  void aCallOnALibraryInterfaceReachesImplementorsOfItsLibrarySubinterfaces() {
    CodeGraph g =
        graph(
            file(P, "Cursor")
                .imports("java.util.ListIterator")
                .type(type("Cursor").ext("ListIterator<Item>").method("next()")),
            file(P, "A")
                .imports("java.util.Iterator")
                .type(type("A").method("go()", m -> m.callOn("Iterator", "next", 0))));
    assertThat(dependents(g, "com.acme.Cursor#next()")).containsExactly("com.acme.A#go() call low");
  }

  @Test
  void singleImportBeatsSamePackageAndOnDemandWorks() {
    CodeGraph g =
        graph(
            file("other", "Repo").type(type("Repo").method("load()")),
            file("lib", "Util").type(type("Util").method("help()")),
            file(P, "Repo").type(type("Repo").method("load()")),
            file(P, "A")
                .imports("other.Repo", "lib.*")
                .type(
                    type("A")
                        .method(
                            "go()", m -> m.callOn("Repo", "load", 0).callOn("Util", "help", 0))));
    assertThat(reach(g, "other.Repo#load()")).containsExactly("com.acme.A#go()");
    assertThat(reach(g, "com.acme.Repo#load()")).isEmpty();
    assertThat(reach(g, "lib.Util#help()")).containsExactly("com.acme.A#go()");
  }

  @Test
  void samePackageBeatsOnDemandImport() {
    CodeGraph g =
        graph(
            file("lib", "Repo").type(type("Repo").method("load()")),
            file(P, "Repo").type(type("Repo").method("load()")),
            file(P, "A")
                .imports("lib.*")
                .type(type("A").method("go()", m -> m.callOn("Repo", "load", 0))));
    assertThat(reach(g, "com.acme.Repo#load()")).containsExactly("com.acme.A#go()");
    assertThat(reach(g, "lib.Repo#load()")).isEmpty();
  }

  @Test
  void libraryImportShadowsSamePackageAndJavaLangIsIgnored() {
    CodeGraph g =
        graph(
            file(P, "List").type(type("List").method("size()")),
            file(P, "String").type(type("String").method("length()")),
            file(P, "A")
                .imports("java.util.List")
                .type(
                    type("A")
                        .method(
                            "go()",
                            m ->
                                m.callOn("List", "size", 0)
                                    .callOn("Math", "max", 2)
                                    .uses("Object"))));
    assertThat(reach(g, "com.acme.List#size()")).isEmpty();
    assertThat(g.dependents(s("com.acme.A#go()"))).isEmpty();
  }

  @Test
  void staticImportsSingleAndOnDemand() {
    CodeGraph g =
        graph(
            file("util", "Strings")
                .type(type("Strings").method("static trim(String)").method("static pad(String)")),
            file("util", "Limits").type(type("Limits").field("static MAX")),
            file(P, "A")
                .imports("static util.Strings.trim", "static util.Limits.*")
                .type(type("A").method("go()", m -> m.call("trim", 1).read("MAX"))));
    assertThat(reach(g, "util.Strings#trim(String)")).containsExactly("com.acme.A#go()");
    assertThat(reach(g, "util.Strings#pad(String)")).isEmpty();
  }

  @Test
  void staticImportOfFieldOnDemand() {
    CodeGraph g =
        graph(
            file("util", "Limits")
                .type(
                    type("Limits")
                        .member(dev.scrutineer.model.DeclarationKind.FIELD, "static MAX", m -> {})),
            file(P, "A")
                .imports("static util.Limits.*")
                .type(type("A").method("go()", m -> m.read("MAX"))));
    assertThat(reach(g, "util.Limits#MAX")).contains("com.acme.A#go()");
  }

  @Test
  void overloadsByArityAndVarargs() {
    CodeGraph g =
        graph(
            file(P, "Log")
                .type(
                    type("Log")
                        .method("info(String)")
                        .method("info(String,Object)")
                        .method("fmt(String,Object...)")),
            file(P, "A")
                .type(
                    type("A")
                        .method("one()", m -> m.callOn("Log", "info", 1))
                        .method("two()", m -> m.callOn("Log", "info", 2))
                        .method("many()", m -> m.callOn("Log", "fmt", 4))
                        .method("few()", m -> m.callOn("Log", "fmt", 1))));
    assertThat(reach(g, "com.acme.Log#info(String)")).containsExactly("com.acme.A#one()");
    assertThat(reach(g, "com.acme.Log#info(String,Object)")).containsExactly("com.acme.A#two()");
    assertThat(reach(g, "com.acme.Log#fmt(String,Object[])"))
        .containsExactly("com.acme.A#few()", "com.acme.A#many()");
    assertThat(g.reach(List.of(s("com.acme.Log#info(String)"))).confidence(s("com.acme.A#one()")))
        .isEqualTo(Confidence.HIGH);
  }

  /** A formatter with overloads of one argument, as commons-lang's builders have them. */
  private static CodeGraph formatter(Consumer<MemberBuilder> calls) {
    return graph(
        file(P, "Shape").type(iface("Shape").method("abstract name()")),
        file(P, "Circle").type(type("Circle").ext("Shape", "Comparable<Circle>")),
        file(P, "Blob").type(type("Blob").ext("org.outside.Thing")),
        file(P, "Formatter")
            .type(
                type("Formatter")
                    .method("show(int)")
                    .method("show(long)")
                    .method("show(double)")
                    .method("show(boolean)")
                    .method("show(String)")
                    .method("show(Object)")
                    .method("show(char[])")
                    .method("show(Object[])")
                    .method("show(Shape)")
                    .method("join(String,String)")
                    .method("join(String,Object...)")),
        file(P, "Report").type(type("Report").method("go()", calls)));
  }

  private static List<String> shown(String... argumentTypes) {
    CodeGraph g = formatter(m -> m.callWith("Formatter", "show", argumentTypes));
    return Stream.of(
            "int", "long", "double", "boolean", "String", "Object", "char[]", "Object[]", "Shape")
        .filter(
            p -> reach(g, "com.acme.Formatter#show(" + p + ")").contains("com.acme.Report#go()"))
        .toList();
  }

  @Test
  void argumentTypesPickTheOverloadJavacPicks() {
    assertThat(shown("int")).containsExactly("int");
    assertThat(shown("byte")).containsExactly("int"); // widening: int is the most specific
    assertThat(shown("long")).containsExactly("long");
    assertThat(shown("float")).containsExactly("double");
    assertThat(shown("boolean")).containsExactly("boolean");
    assertThat(shown("String")).containsExactly("String");
    assertThat(shown("Integer")).containsExactly("Object"); // no unboxing while a match needs none
    assertThat(shown("char[]")).containsExactly("char[]");
    assertThat(shown("String[]")).containsExactly("Object[]");
    assertThat(shown("int[]")).containsExactly("Object");
    assertThat(shown("Circle")).containsExactly("Shape");
    assertThat(shown("com.acme.Circle")).containsExactly("Shape");
    assertThat(shown("java.util.List")).containsExactly("Object");
    assertThat(shown("null")).containsExactly("String", "char[]", "Object[]", "Shape");
  }

  @Test
  void unknownArgumentTypesKeepEveryOverloadTheyMayFit() {
    assertThat(shown("")).hasSize(9);
    // Blob inherits from a type outside the index and the JDK, which might be anything.
    assertThat(shown("Blob")).containsExactly("String", "Object", "Shape");
    CodeGraph g = formatter(m -> m.callWith("Formatter", "show", ""));
    assertThat(
            g.reach(List.of(s("com.acme.Formatter#show(int)")))
                .confidence(s("com.acme.Report#go()")))
        .isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void fixedArityComesBeforeVariableArity() {
    CodeGraph strings = formatter(m -> m.callWith("Formatter", "join", "String", "String"));
    assertThat(reach(strings, "com.acme.Formatter#join(String,String)"))
        .containsExactly("com.acme.Report#go()");
    assertThat(reach(strings, "com.acme.Formatter#join(String,Object[])")).isEmpty();
    CodeGraph numbers = formatter(m -> m.callWith("Formatter", "join", "String", "int"));
    assertThat(reach(numbers, "com.acme.Formatter#join(String,String)")).isEmpty();
    assertThat(reach(numbers, "com.acme.Formatter#join(String,Object[])"))
        .containsExactly("com.acme.Report#go()");
  }

  @Test
  void aNameOnlyFallbackLeavesOutMethodsTheArgumentsCannotBePassedTo() {
    CodeGraph g =
        graph(
            file(P, "Cart").type(type("Cart").method("place(Item)").method("place(int)")),
            file(P, "Item").type(type("Item")),
            file(P, "A").type(type("A").method("go()", m -> m.callWith(null, "place", "String"))),
            file(P, "B").type(type("B").method("go()", m -> m.callWith(null, "place", "int"))));
    assertThat(reach(g, "com.acme.Cart#place(Item)")).isEmpty();
    assertThat(dependents(g, "com.acme.Cart#place(int)"))
        .containsExactly("com.acme.B#go() call low");
  }

  @Test
  void constructorsArePickedByTheirArguments() {
    CodeGraph g =
        graph(
            file(P, "Money")
                .type(
                    type("Money")
                        .constructor("long", c -> {})
                        .constructor("String", c -> {})
                        .constructor("Money", c -> {})),
            file(P, "A").type(type("A").method("go()", m -> m.createWith("Money", "int"))));
    assertThat(dependents(g, "com.acme.Money#Money(long)"))
        .containsExactly("com.acme.A#go() new high");
    assertThat(reach(g, "com.acme.Money#Money(String)")).isEmpty();
  }

  @Test
  void sameArityOverloadsAreAllLinkedWithMediumConfidence() {
    CodeGraph g =
        graph(
            file(P, "Log").type(type("Log").method("put(String)").method("put(int)")),
            file(P, "A").type(type("A").method("go()", m -> m.callOn("Log", "put", 1))));
    assertThat(dependents(g, "com.acme.Log#put(String)"))
        .containsExactly("com.acme.A#go() call medium");
    assertThat(dependents(g, "com.acme.Log#put(int)"))
        .containsExactly("com.acme.A#go() call medium");
  }

  private static CodeGraph shapes() {
    return graph(
        file(P, "Shape").type(iface("Shape").method("abstract area()").method("describe()")),
        file(P, "Base").type(type("Base").ext("Shape").method("area()").method("name()")),
        file(P, "Circle")
            .type(
                type("Circle")
                    .ext("Base")
                    .method("area()", m -> m.callSuper("area", 0))
                    .method("name()")),
        file(P, "Square").type(type("Square").ext("Shape").method("area()")),
        file(P, "Client")
            .type(
                type("Client")
                    .method("total(Shape)", m -> m.callOn("Shape", "area", 0))
                    .method("label(Circle)", m -> m.callOn("Circle", "describe", 0))
                    .method("named(Base)", m -> m.callOn("Base", "name", 0))));
  }

  @Test
  void callThroughInterfaceReachesImplementationsByDispatch() {
    CodeGraph g = shapes();
    assertThat(dependents(g, "com.acme.Shape#area()"))
        .contains("com.acme.Client#total(Shape) call high");
    assertThat(dependents(g, "com.acme.Square#area()"))
        .contains("com.acme.Client#total(Shape) call medium");
    assertThat(reach(g, "com.acme.Circle#area()")).contains("com.acme.Client#total(Shape)");
    assertThat(
            g.reach(List.of(s("com.acme.Circle#area()")))
                .confidence(s("com.acme.Client#total(Shape)")))
        .isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void superCallReachesOnlyTheSuperMethod() {
    CodeGraph g = shapes();
    // Circle#area() both overrides Base#area() and calls it: one edge per pair
    assertThat(g.dependents(s("com.acme.Base#area()")))
        .extracting(e -> e.from().qualified())
        .contains("com.acme.Circle#area()");
    assertThat(g.dependents(s("com.acme.Square#area()")))
        .extracting(e -> e.from().qualified())
        .doesNotContain("com.acme.Circle#area()");
    assertThat(dependents(g, "com.acme.Square#area()"))
        .doesNotContain("com.acme.Circle#area() call high");
    // a call on a subtype does not reach a sibling's override
    assertThat(reach(g, "com.acme.Circle#name()")).contains("com.acme.Client#named(Base)");
    assertThat(dependents(g, "com.acme.Base#name()"))
        .contains("com.acme.Client#named(Base) call high");
  }

  @Test
  void defaultMethodsAreInheritedAndOverridesDependOnWhatTheyOverride() {
    CodeGraph g = shapes();
    assertThat(reach(g, "com.acme.Shape#describe()")).contains("com.acme.Client#label(Circle)");
    assertThat(dependents(g, "com.acme.Shape#area()"))
        .contains("com.acme.Base#area() override high", "com.acme.Square#area() override high");
  }

  @Test
  void supertypeNamedByAMemberTypeTheEnclosingTypeInheritsAndWrittenWithTypeArguments() {
    CodeGraph g =
        graph(
            file(P, "Atomic")
                .type(type("Atomic").ext("Outer<T>"))
                .type(
                    type("Atomic.Builder")
                        .ext("AbstractBuilder<I, T, Builder<I, T>, E>")
                        .method("get()")),
            file(P, "Supplier").type(iface("Supplier").method("abstract get()")),
            file(P, "AbstractSupplier").type(type("AbstractSupplier").ext("Supplier<T, E>")),
            file(P, "Outer")
                .type(type("Outer"))
                .type(type("Outer.AbstractBuilder").ext("AbstractSupplier<I, B, T, E>")),
            file(P, "Client")
                .type(
                    type("Client")
                        .method("init(Supplier)", m -> m.callOn("Supplier<T, E>", "get", 0))));
    assertThat(dependents(g, "com.acme.Atomic.Builder#get()"))
        .contains("com.acme.Client#init(Supplier) call medium");
  }

  @Test
  void anArrayOverloadIsNotTakenForAnOverrideOfTheObjectArrayOne() {
    CodeGraph g =
        graph(
            file(P, "Style")
                .type(
                    type("Style")
                        .method("detail(String,boolean[])")
                        .method("detail(String,Object[])")
                        .method("print(String)", m -> m.call("detail", 2))),
            file(P, "Multi")
                .type(
                    type("Multi")
                        .ext("Style")
                        .method("detail(String,boolean[])")
                        .method("detail(String,Object[])")));
    assertThat(dependents(g, "com.acme.Multi#detail(String,Object[])"))
        .contains("com.acme.Style#print(String) call medium");
    assertThat(dependents(g, "com.acme.Style#detail(String,Object[])"))
        .contains("com.acme.Multi#detail(String,Object[]) override high")
        .doesNotContain("com.acme.Multi#detail(String,boolean[]) override high");
  }

  @Test
  void fieldsAndConstants() {
    CodeGraph g =
        graph(
            file(P, "Color").type(enumType("Color").constant("RED").constant("BLUE")),
            file(P, "Config")
                .type(type("Config").field("limit").method("get()", m -> m.read("limit"))),
            file(P, "A")
                .type(
                    type("A")
                        .method("paint()", m -> m.readOn("Color", "RED"))
                        .method("peek(Config)", m -> m.readOn("Config", "limit"))));
    assertThat(dependents(g, "com.acme.Color#RED")).contains("com.acme.A#paint() field high");
    assertThat(dependents(g, "com.acme.Config#limit"))
        .contains("com.acme.Config#get() field high", "com.acme.A#peek(Config) field high");
    assertThat(dependents(g, "com.acme.Color#BLUE"))
        .doesNotContain("com.acme.A#paint() field high");
  }

  @Test
  void constructorsByArityAndThisDelegation() {
    CodeGraph g =
        graph(
            file(P, "Order")
                .type(
                    type("Order").constructor("", c -> c.thisCall(1)).constructor("long", c -> {})),
            file(P, "Plain").type(type("Plain").method("x()")),
            file(P, "A")
                .type(
                    type("A")
                        .method("make()", m -> m.create("Order", 0))
                        .method("plain()", m -> m.create("Plain", 0))));
    assertThat(dependents(g, "com.acme.Order#Order(long)"))
        .containsExactly("com.acme.Order#Order() new high");
    assertThat(reach(g, "com.acme.Order#Order(long)"))
        .containsExactly("com.acme.A#make()", "com.acme.Order#Order()");
    assertThat(dependents(g, "com.acme.Plain")).contains("com.acme.A#plain() new high");
  }

  @Test
  void implicitSuperConstructorAndFieldInitializers() {
    CodeGraph g =
        graph(
            file(P, "Base").type(type("Base").constructor("", c -> {})),
            file(P, "Util").type(type("Util").method("static now()")),
            file(P, "Sub")
                .type(type("Sub").ext("Base").field("created", f -> f.callOn("Util", "now", 0))),
            file(P, "A").type(type("A").method("make()", m -> m.create("Sub", 0))));
    assertThat(reach(g, "com.acme.Base#Base()")).contains("com.acme.A#make()");
    assertThat(reach(g, "com.acme.Util#now()"))
        .contains("com.acme.Sub#created", "com.acme.A#make()");
  }

  @Test
  void methodReferencesAndLambdaBodies() {
    CodeGraph g =
        graph(
            file(P, "Mapper").type(type("Mapper").method("static toDto(Object)").method("other()")),
            file(P, "A")
                .type(
                    type("A")
                        // list.stream().map(Mapper::toDto), and a lambda calling other():
                        // the extractor attributes both to the enclosing member
                        .method(
                            "go(Mapper)",
                            m -> m.methodRef("Mapper", "toDto").callOn("Mapper", "other", 0))));
    assertThat(reach(g, "com.acme.Mapper#toDto(Object)")).containsExactly("com.acme.A#go(Mapper)");
    assertThat(reach(g, "com.acme.Mapper#other()")).containsExactly("com.acme.A#go(Mapper)");
  }

  @Test
  void aMethodReferenceToALibraryInterfacesMethodReachesTheImplementationsInTheIndex() {
    // sources.stream().map(Supplier::get), where Cached is a Supplier
    CodeGraph g =
        graph(
            file(P, "Cached")
                .imports("java.util.function.Supplier")
                .type(type("Cached").ext("Supplier<Integer>").method("get()")),
            file(P, "A")
                .imports("java.util.function.Supplier")
                .type(type("A").method("sum(List)", m -> m.methodRef("Supplier", "get"))));
    assertThat(dependents(g, "com.acme.Cached#get()"))
        .containsExactly("com.acme.A#sum(List) call low");
  }

  @Test
  void aLambdasParameterIsTypedByTheTypeArgumentsOfTheIndexsFunctionalInterface() {
    // interface Appender<S, T> { void add(S sink, T item); }
    // Appender<Sink, Object> appender = (s, x) -> s.write(x);  and the same on a raw Appender
    Facts.FileBuilder appender =
        file(P, "Appender")
            .type(iface("Appender").lambdaParameters("~0", "~1").method("add(Object,Object)"));
    CodeGraph g =
        graph(
            appender,
            file(P, "Sink").type(type("Sink").method("write(Object)")),
            file(P, "Log").type(type("Log").method("write(Object)")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "typed()", m -> m.callOnChain("Appender<Sink,Object>#~.0", "write", 1))
                        .method("raw()", m -> m.callOnChain("Appender#~.0", "write", 1))
                        .method(
                            "second()",
                            m -> m.callOnChain("Appender<Object,Sink>#~.1", "write", 1))));
    assertThat(dependents(g, "com.acme.Sink#write(Object)"))
        .containsExactlyInAnyOrder(
            "com.acme.A#typed() call high",
            "com.acme.A#second() call high",
            "com.acme.A#raw() call low");
    assertThat(dependents(g, "com.acme.Log#write(Object)"))
        .containsExactly("com.acme.A#raw() call low");
  }

  @Test
  void aLambdasTypeArgumentsAreResolvedWhereTheyAreWritten() {
    // Appender<Sink, Object> in two packages, each with a Sink of its own
    CodeGraph g =
        graph(
            file(P, "Appender")
                .type(iface("Appender").lambdaParameters("~0", "~1").method("add(Object,Object)")),
            file(P, "Sink").type(type("Sink").method("write(Object)")),
            file("com.other", "Sink").type(type("Sink").method("write(Object)")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()", m -> m.callOnChain("Appender<Sink,Object>#~.0", "write", 1))),
            file("com.other", "B")
                .imports("com.acme.Appender")
                .type(
                    type("B")
                        .method(
                            "go()", m -> m.callOnChain("Appender<Sink,Object>#~.0", "write", 1))));
    assertThat(dependents(g, "com.acme.Sink#write(Object)"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "com.other.Sink#write(Object)"))
        .containsExactly("com.other.B#go() call high");
  }

  @Test
  void aLambdaPassedToAMethodOfTheIndexIsTypedByTheFunctionalInterfaceTheMethodTakes() {
    // builder.headers(h -> h.write(..)) with headers(Consumer<Sink>), and
    // builder.append((s, x) -> s.write(x)) with append(Appender<Sink, Object>)
    CodeGraph g =
        graph(
            file(P, "Appender")
                .type(iface("Appender").lambdaParameters("~0", "~1").method("add(Object,Object)")),
            file(P, "Sink").type(type("Sink").method("write(Object)")),
            file(P, "Log").type(type("Log").method("write(Object)")),
            file(P, "Builder")
                .imports("java.util.function.Consumer")
                .type(
                    type("Builder")
                        .method("headers(Consumer)", m -> m.generic("Consumer<Sink>"))
                        .method("append(Appender)", m -> m.generic("Appender<Sink,Object>"))),
            file("com.other", "Sink").type(type("Sink").method("write(Object)")),
            file("com.other", "A")
                .imports("com.acme.Builder")
                .type(
                    type("A")
                        .method(
                            "headers()", m -> m.callOnChain("Builder#headers/1~0.0", "write", 1))
                        .method(
                            "append()", m -> m.callOnChain("Builder#append/1~0.0", "write", 1))));
    // Sink is the one Builder's file names, not the caller's own.
    assertThat(dependents(g, "com.acme.Sink#write(Object)"))
        .containsExactlyInAnyOrder(
            "com.other.A#headers() call high", "com.other.A#append() call high");
    assertThat(dependents(g, "com.acme.Log#write(Object)")).isEmpty();
    assertThat(dependents(g, "com.other.Sink#write(Object)")).isEmpty();
  }

  @Test
  void aLambdaOfAnInterfaceWithParametersOfItsOwnTakesThemAsTheInterfaceNamesThem() {
    // interface RowMapper { Object map(Sink sink); } in com.acme, and in com.other, with a Sink of
    // its own: RowMapper mapper = s -> s.write(..); jdbc.query(s -> s.write(..))
    CodeGraph g =
        graph(
            file(P, "RowMapper")
                .type(iface("RowMapper").lambdaParameters("Sink").method("map(Sink)")),
            file(P, "Sink").type(type("Sink").method("write(Object)")),
            file(P, "Jdbc").type(type("Jdbc").method("query(RowMapper)")),
            file("com.other", "Sink").type(type("Sink").method("write(Object)")),
            file("com.other", "A")
                .imports("com.acme.RowMapper", "com.acme.Jdbc")
                .type(
                    type("A")
                        .method("assigned()", m -> m.callOnChain("RowMapper#~.0", "write", 1))
                        .method("passed()", m -> m.callOnChain("Jdbc#query/1~0.0", "write", 1))));
    assertThat(dependents(g, "com.acme.Sink#write(Object)"))
        .containsExactlyInAnyOrder(
            "com.other.A#assigned() call high", "com.other.A#passed() call high");
    assertThat(dependents(g, "com.other.Sink#write(Object)")).isEmpty();
  }

  @Test
  void aLambdaPassedToOverloadsTakingOtherInterfacesIsNotTyped() {
    // run(Consumer<Sink>) and run(Function<Log, Object>): which one a lambda is depends on it
    CodeGraph g =
        graph(
            file(P, "Sink").type(type("Sink").method("write(Object)")),
            file(P, "Log").type(type("Log").method("write(Object)")),
            file(P, "Jobs")
                .imports("java.util.function.Consumer", "java.util.function.Function")
                .type(
                    type("Jobs")
                        .method("run(Consumer)", m -> m.generic("Consumer<Sink>"))
                        .method("run(Function)", m -> m.generic("Function<Log,Object>"))),
            file(P, "A")
                .type(type("A").method("go()", m -> m.callOnChain("Jobs#run/1~0.0", "write", 1))));
    assertThat(dependents(g, "com.acme.Sink#write(Object)"))
        .containsExactly("com.acme.A#go() call low");
    assertThat(dependents(g, "com.acme.Log#write(Object)"))
        .containsExactly("com.acme.A#go() call low");
  }

  @Test
  void aLambdaOfAnIndexInterfaceWhoseParameterIsAJdkTypeCallsIntoTheJdkTypesImplementations() {
    // Appender<Appendable, Object> appender = (a, x) -> a.append(x); Buffer is an Appendable
    CodeGraph g =
        graph(
            file(P, "Appender")
                .type(iface("Appender").lambdaParameters("~0", "~1").method("add(Object,Object)")),
            file(P, "Buffer").type(type("Buffer").ext("Appendable").method("append(CharSequence)")),
            file(P, "Log").type(type("Log").method("append(CharSequence)")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()",
                            m -> m.callOnChain("Appender<Appendable,Object>#~.0", "append", 1))));
    assertThat(dependents(g, "com.acme.Buffer#append(CharSequence)"))
        .containsExactly("com.acme.A#go() call low");
    assertThat(dependents(g, "com.acme.Log#append(CharSequence)")).isEmpty();
  }

  @Test
  void aFieldThatAJdkSuperclassLeavesToItsSubclassesHasTheTypeTheJdkDeclares() {
    // class Proxy extends FilterWriter { void write(int c) { out.write(c); } }: out is a Writer
    CodeGraph g =
        graph(
            file(P, "Proxy")
                .imports("java.io.FilterWriter")
                .type(
                    type("Proxy")
                        .ext("FilterWriter")
                        .method("write(int)", m -> m.callOnChain("Proxy#out", "write", 1))),
            file(P, "Tee")
                .imports("java.io.Writer")
                .type(type("Tee").ext("Writer").method("write(int)")),
            file(P, "Sink")
                .imports("java.io.OutputStream")
                .type(type("Sink").ext("OutputStream").method("write(int)")));
    assertThat(dependents(g, "com.acme.Tee#write(int)"))
        .containsExactly("com.acme.Proxy#write(int) call low");
    assertThat(dependents(g, "com.acme.Sink#write(int)")).isEmpty();
  }

  @Test
  void aCallOnAJdkTypeRunsOnlyTheImplementationsItsArgumentsFit() {
    // Writer branch; branch.write(chars, 0, n): Tee's write(String, int, int) is another method
    CodeGraph g =
        graph(
            file(P, "Tee")
                .imports("java.io.Writer")
                .type(
                    type("Tee")
                        .ext("Writer")
                        .method("write(char[],int,int)")
                        .method("write(String,int,int)")),
            file(P, "A")
                .imports("java.io.Writer")
                .type(
                    type("A")
                        .method(
                            "go()", m -> m.callWith("Writer", "write", "char[]", "int", "int"))));
    assertThat(dependents(g, "com.acme.Tee#write(char[],int,int)"))
        .containsExactly("com.acme.A#go() call low");
    assertThat(dependents(g, "com.acme.Tee#write(String,int,int)")).isEmpty();
  }

  @Test
  void aCallOnAJdkMethodWithoutOverloadsRunsEveryImplementationWhateverItsArguments() {
    // Comparator<T> order; order.compare(first, second) with Object first: ByCents's
    // compare(Money, Money) overrides compare(T, T), which takes what T stands for
    CodeGraph g =
        graph(
            file(P, "ByCents")
                .imports("java.util.Comparator")
                .type(type("ByCents").ext("Comparator").method("compare(Money,Money)")),
            file(P, "A")
                .imports("java.util.Comparator")
                .type(
                    type("A")
                        .method(
                            "ordered(Object,Object,Comparator)",
                            m -> m.callWith("Comparator", "compare", "Object", "Object"))));
    assertThat(dependents(g, "com.acme.ByCents#compare(Money,Money)"))
        .containsExactly("com.acme.A#ordered(Object,Object,Comparator) call low");
  }

  @Test
  void aMethodReferenceIsPassedOnlyWhereAFunctionalInterfaceIsTakenAndNamesMethodsOfItsArity() {
    // IOUtils.toBytes(input::read, n), with toBytes(InputStream, int) and toBytes(Tri, int), where
    // Tri is an interface of the index whose method takes three parameters
    CodeGraph g =
        graph(
            file(P, "Tri")
                .type(
                    iface("Tri")
                        .lambdaParameters("~0", "~1", "~2")
                        .method("apply(Object,Object,Object)")),
            file(P, "IOUtils")
                .imports("java.io.InputStream")
                .type(
                    type("IOUtils")
                        .method("static toBytes(InputStream,int)")
                        .method("static toBytes(Tri,int)")),
            file(P, "Stream")
                .imports("java.io.InputStream")
                .type(
                    type("Stream")
                        .ext("InputStream")
                        .method("read()")
                        .method("read(byte[])")
                        .method("read(byte[],int,int)")),
            file(P, "A")
                .imports("java.io.InputStream")
                .type(
                    type("A")
                        .method(
                            "go(InputStream)",
                            m ->
                                m.methodRefPassed("InputStream", "read", "IOUtils#toBytes/2~0")
                                    .callWith("IOUtils", "toBytes", "::", "int"))));
    assertThat(dependents(g, "com.acme.Stream#read(byte[],int,int)"))
        .containsExactly("com.acme.A#go(InputStream) call low");
    assertThat(dependents(g, "com.acme.Stream#read()")).isEmpty();
    assertThat(dependents(g, "com.acme.Stream#read(byte[])")).isEmpty();
    assertThat(dependents(g, "com.acme.IOUtils#toBytes(Tri,int)"))
        .containsExactly("com.acme.A#go(InputStream) call high");
    assertThat(dependents(g, "com.acme.IOUtils#toBytes(InputStream,int)")).isEmpty();
  }

  @Test
  void aBuilderTypedByItselfKeepsBeingThatBuilderAlongTheChain() {
    // Stream.builder().setPath(p).setSize(n).get(): setPath and setSize return B, a builder typed
    // by itself (B extends Base<B>), erased to Base, which has no setSize
    CodeGraph g =
        graph(
            file(P, "Base")
                .type(type("Base").method("setPath(Object)", b -> b.typed("Base")).method("get()")),
            file(P, "Stream")
                .type(
                    type("Stream")
                        .method("static builder()", b -> b.typed("Stream.Builder"))
                        .method("Stream()")),
            file(P, "Stream.Builder")
                .type(
                    type("Stream.Builder")
                        .ext("Base")
                        .method("setSize(int)", b -> b.typed("Base"))
                        .method("get()")),
            file(P, "Other").type(type("Other").ext("Base").method("get()")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()",
                            m ->
                                m.callOnChain("Stream#builder/0#setPath/1", "setSize", 1)
                                    .callOnChain(
                                        "Stream#builder/0#setPath/1#setSize/1", "get", 0))));
    assertThat(dependents(g, "com.acme.Stream.Builder#setSize(int)"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "com.acme.Stream.Builder#get()"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "com.acme.Other#get()")).isEmpty();
  }

  @Test
  void aMethodReturningTheTypeVariableOfABuilderTypedByItselfReturnsItsReceiver() {
    // Stream.builder().setPath(p).get(): setPath returns B of Base<B extends Base<B>>, so get() is
    // Stream.Builder's, not that of every Base; Stream.Builder.setName(String) overrides one
    // setName to return Stream.Builder, and the other setName returns B: a Stream.Builder too
    CodeGraph g =
        graph(
            file(P, "Base")
                .type(
                    type("Base")
                        .method("setPath(Object)", b -> b.returnsSelf("Base"))
                        .method("setName(Object)", b -> b.returnsSelf("Base"))
                        .method("setName(String)", b -> b.returnsSelf("Base"))
                        .method("get()")),
            file(P, "Stream")
                .type(type("Stream").method("static builder()", b -> b.typed("Stream.Builder"))),
            file(P, "Stream.Builder")
                .type(
                    type("Stream.Builder")
                        .ext("Base")
                        .method("setName(String)", b -> b.typed("Stream.Builder"))
                        .method("get()")),
            file(P, "Other").type(type("Other").ext("Base").method("get()")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go()",
                            m ->
                                m.callOnChain("Stream#builder/0#setPath/1", "get", 0)
                                    .callOnChain("Stream#builder/0#setName/1", "get", 0))));
    assertThat(dependents(g, "com.acme.Stream.Builder#get()"))
        .containsExactly("com.acme.A#go() call high");
    assertThat(dependents(g, "com.acme.Other#get()")).isEmpty();
  }

  @Test
  void aMethodReferencePassedIsPassedOnlyAsAParameterTakingAsManyAsTheMethodsItNames() {
    // Closer.close(closeable, throwable::addSuppressed): Throwable's addSuppressed takes one
    // parameter, as a Consumer's accept does, and a Closeable's close none: of close(Closeable,
    // Consumer) and close(Closeable...), only the first can be called
    CodeGraph g =
        graph(
            file(P, "Closer")
                .imports("java.io.Closeable", "java.util.function.Consumer")
                .type(
                    type("Closer")
                        .method("static close(Closeable,Consumer)")
                        .method("static close(Closeable...)")),
            file(P, "A")
                .imports("java.io.Closeable")
                .type(
                    type("A")
                        .method(
                            "go(Closeable,Throwable)",
                            m ->
                                m.methodRefPassed("Throwable", "addSuppressed", "Closer#close/2~1")
                                    .callWith("Closer", "close", "Closeable", "::"))));
    assertThat(dependents(g, "com.acme.Closer#close(Closeable,Consumer)"))
        .containsExactly("com.acme.A#go(Closeable,Throwable) call high");
    assertThat(dependents(g, "com.acme.Closer#close(Closeable[])")).isEmpty();
  }

  @Test
  void aMethodReferenceOnATypeOfTheIndexNamesObjectsMethodsToo() {
    // Jobs.run(item::hashCode): Item declares hashCode(String), and has Object's hashCode() too,
    // so the reference is a Supplier as well as a Function
    CodeGraph g =
        graph(
            file(P, "Item").type(type("Item").method("hashCode(String)")),
            file(P, "Jobs")
                .imports("java.util.function.Function", "java.util.function.Supplier")
                .type(type("Jobs").method("static run(Supplier)").method("static run(Function)")),
            file(P, "A")
                .type(
                    type("A")
                        .method(
                            "go(Item)",
                            m ->
                                m.methodRefPassed("Item", "hashCode", "Jobs#run/1~0")
                                    .callWith("Jobs", "run", "::"))));
    assertThat(dependents(g, "com.acme.Jobs#run(Supplier)")).isNotEmpty();
    assertThat(dependents(g, "com.acme.Jobs#run(Function)")).isNotEmpty();
  }

  @Test
  void aTopLevelTypeExtendsAMemberTypeItNamesThroughItsOuterType() {
    // class Default extends Printer.Nop, in Printer's package: a call on a Printer.Indenter
    // dispatches to Default's write too
    CodeGraph g =
        graph(
            file(P, "Printer")
                .type(type("Printer"))
                .type(iface("Printer.Indenter").method("write(int)"))
                .type(type("Printer.Nop").ext("Indenter").method("write(int)")),
            file(P, "Default").type(type("Default").ext("Printer.Nop").method("write(int)")),
            file(P, "A")
                .type(type("A").method("go()", m -> m.callOn("Printer.Indenter", "write", 1))));
    assertThat(dependents(g, "com.acme.Default#write(int)"))
        .containsExactly("com.acme.A#go() call medium");
  }

  @Test
  void aCallOnALibraryTypeRunsAnImplementationInheritedFromAClassOutsideItsHierarchy() {
    // class EmptyLabels extends Empty implements ListIterator: previous() is Empty's
    CodeGraph g =
        graph(
            file(P, "Empty").type(type("Empty").method("previous()")),
            file(P, "EmptyLabels")
                .imports("java.util.ListIterator")
                .type(type("EmptyLabels").ext("Empty", "ListIterator")),
            file(P, "A")
                .imports("java.util.ListIterator")
                .type(type("A").method("go()", m -> m.callOn("ListIterator", "previous", 0))));
    assertThat(dependents(g, "com.acme.Empty#previous()"))
        .containsExactly("com.acme.A#go() call low");
  }

  @Test
  void aCallOfAMethodOnlyAJdkSupertypeDeclaresRunsTheSubtypesImplementations() {
    // interface Draining extends Iterator { default .. drainTo(..) { forEachRemaining(..); } }
    CodeGraph g =
        graph(
            file(P, "Draining")
                .imports("java.util.Iterator")
                .type(
                    iface("Draining")
                        .ext("Iterator")
                        .method("drainTo(Object)", m -> m.call("forEachRemaining", 1))),
            file(P, "OneLabel")
                .type(type("OneLabel").ext("Draining").method("forEachRemaining(Consumer)")),
            file(P, "Tape").type(type("Tape").method("forEachRemaining(Consumer)")));
    assertThat(dependents(g, "com.acme.OneLabel#forEachRemaining(Consumer)"))
        .containsExactly("com.acme.Draining#drainTo(Object) call medium");
    assertThat(dependents(g, "com.acme.Tape#forEachRemaining(Consumer)")).isEmpty();
  }

  @Test
  void unresolvedReceiverFallsBackToNameAndArityWithLowConfidence() {
    CodeGraph g =
        graph(
            file(P, "Orders").type(type("Orders").method("cancel(long)").method("cancel()")),
            file(P, "Jobs").type(type("Jobs").method("cancel(long)")),
            file(P, "A").type(type("A").method("go()", m -> m.callOnExpression("cancel", 1))));
    assertThat(dependents(g, "com.acme.Orders#cancel(long)"))
        .containsExactly("com.acme.A#go() call low");
    assertThat(dependents(g, "com.acme.Jobs#cancel(long)"))
        .containsExactly("com.acme.A#go() call low");
    assertThat(dependents(g, "com.acme.Orders#cancel()")).isEmpty();
    assertThat(g.reach(List.of(s("com.acme.Jobs#cancel(long)"))).confidence(s("com.acme.A#go()")))
        .isEqualTo(Confidence.LOW);
  }

  @Test
  void hugeFanOutAndAmbiguousNamesEscalateInsteadOfLinking() {
    List<Facts.FileBuilder> files = new ArrayList<>();
    for (int i = 0; i < Linker.MAX_FALLBACK + 1; i++) {
      files.add(file(P, "T" + i).type(type("T" + i).method("apply(Object)").method("get()")));
    }
    files.add(
        file(P, "A")
            .type(
                type("A")
                    .method(
                        "go()", m -> m.callOnExpression("apply", 1).callOnExpression("get", 0))));
    CodeGraph g = graph(files.toArray(new Facts.FileBuilder[0]));
    assertThat(reach(g, "com.acme.T0#apply(Object)")).isEmpty();
    assertThat(g.escalations())
        .extracting(CodeGraph.Escalation::name, CodeGraph.Escalation::candidates)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("apply", Linker.MAX_FALLBACK + 1),
            org.assertj.core.groups.Tuple.tuple("get", Linker.MAX_FALLBACK + 1));
  }

  @Test
  void typeHeaderChangeReachesEveryMemberAndItsUsers() {
    CodeGraph g =
        graph(
            file(P, "Svc")
                .type(type("Svc").annotated("Transactional").method("pay()").field("fee")),
            file(P, "A")
                .type(
                    type("A")
                        .method("go(Svc)", m -> m.callOn("Svc", "pay", 0))
                        .method("t()", m -> m.uses("Svc"))));
    assertThat(reach(g, "com.acme.Svc"))
        .containsExactly(
            "com.acme.A#go(Svc)", "com.acme.A#t()", "com.acme.Svc#fee", "com.acme.Svc#pay()");
    assertThat(g.reach(List.of(s("com.acme.Svc"))).chain(s("com.acme.A#go(Svc)")))
        .extracting(ReachStep::via)
        .containsExactly("changed", "member-of", "call");
  }

  @Test
  void fieldChangeReachesAtClassLevelWithMediumConfidence() {
    CodeGraph g =
        graph(
            file(P, "Svc").type(type("Svc").method("pay()").field("fee")),
            file(P, "A").type(type("A").method("go(Svc)", m -> m.callOn("Svc", "pay", 0))),
            file(P, "B").type(type("B").method("fee(Svc)", m -> m.readOn("Svc", "fee"))));
    ReverseReach r = g.reach(List.of(s("com.acme.Svc#fee")));
    assertThat(r.reached().stream().map(Symbol::qualified))
        .contains(
            "com.acme.B#fee(Svc)", "com.acme.Svc", "com.acme.Svc#pay()", "com.acme.A#go(Svc)");
    assertThat(r.confidence(s("com.acme.B#fee(Svc)"))).isEqualTo(Confidence.HIGH);
    assertThat(r.confidence(s("com.acme.A#go(Svc)"))).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void chainsAreShortestStartAtASeedAndCarryTheMinimumConfidence() {
    CodeGraph g =
        graph(
            file(P, "C")
                .type(
                    type("C")
                        .method("leaf()")
                        .method("mid1()", m -> m.call("leaf", 0))
                        .method("mid2()", m -> m.call("mid1", 0))
                        .method("top()", m -> m.call("mid2", 0).callOnExpression("leaf", 0))));
    ReverseReach r = g.reach(List.of(s("com.acme.C#leaf()")));
    // top is one LOW step away, or three HIGH steps: the best confidence wins, then the shortest.
    assertThat(r.confidence(s("com.acme.C#top()"))).isEqualTo(Confidence.HIGH);
    List<ReachStep> chain = r.chain(s("com.acme.C#top()"));
    assertThat(chain)
        .extracting(step -> step.symbol().name())
        .containsExactly("C#leaf()", "C#mid1()", "C#mid2()", "C#top()");
    assertThat(chain.get(0).via()).isEqualTo("changed");
    assertThat(chain.get(3).path()).isEqualTo("com/acme/C.java");
    assertThat(chain.get(3).line())
        .isEqualTo(g.location(s("com.acme.C#top()")).orElseThrow().line());
    assertThat(r.chain(s("com.acme.C#leaf()"))).hasSize(1);
  }

  @Test
  void aChainsOriginAndHopsAreItsFirstStepAndLengthAndCountsMatchTheConfidences() {
    CodeGraph g =
        graph(
            file(P, "C")
                .type(
                    type("C")
                        .method("leaf()")
                        .method("mid()", m -> m.callOnExpression("leaf", 0))
                        .method("top()", m -> m.call("mid", 0))
                        .method("next()", m -> m.call("leaf", 0))));
    ReverseReach r = g.reach(List.of(s("com.acme.C#leaf()")));

    for (Symbol symbol : r.reached()) {
      List<ReachStep> chain = r.chain(symbol);
      assertThat(r.origin(symbol)).isEqualTo(chain.get(0).symbol());
      assertThat(r.hops(symbol)).isEqualTo(chain.size() - 1);
    }
    assertThat(r.hops(s("com.acme.C#leaf()"))).isZero();
    int[] counts = new int[Confidence.values().length];
    r.reached().forEach(symbol -> counts[r.confidence(symbol).ordinal()]++);
    assertThat(r.countsByConfidence()).containsExactly(counts);
    assertThat(counts[Confidence.LOW.ordinal()]).isEqualTo(2);
  }

  @Test
  void theTouchedDeclarationsAreTheSeedsThenTheReachedWithWhatTheWalkFound() {
    CodeGraph g =
        graph(
            file(P, "C")
                .type(
                    type("C")
                        .method("leaf()")
                        .method("other()")
                        .method("mid()", m -> m.callOnExpression("leaf", 0))
                        .method("top()", m -> m.call("mid", 0).call("other", 0))));
    ReverseReach r = g.reach(List.of(s("com.acme.C#other()"), s("com.acme.C#leaf()")));

    List<ReverseReach.Touched> touched = r.touched();
    List<Symbol> expected = new ArrayList<>(r.seeds());
    expected.addAll(r.reached());
    assertThat(touched).extracting(ReverseReach.Touched::symbol).isEqualTo(expected);
    assertThat(touched).hasSize(4);
    for (ReverseReach.Touched at : touched) {
      Symbol symbol = at.symbol();
      CodeGraph.Location location = g.location(symbol).orElseThrow();
      assertThat(at.path()).isEqualTo(location.path());
      assertThat(at.line()).isEqualTo(location.line());
      assertThat(at.confidence()).isEqualTo(r.confidence(symbol));
      assertThat(at.origin()).isEqualTo(r.origin(symbol));
      assertThat(at.hops()).isEqualTo(r.hops(symbol));
      assertThat(at.chain()).isEqualTo(r.chain(symbol));
    }
    assertThat(touched.get(3).hops()).isEqualTo(1);
    assertThat(touched.get(2).confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void chainConfidenceIsTheWeakestEdge() {
    CodeGraph g =
        graph(
            file(P, "C")
                .type(
                    type("C")
                        .method("leaf()")
                        .method("mid()", m -> m.callOnExpression("leaf", 0))
                        .method("top()", m -> m.call("mid", 0))));
    ReverseReach r = g.reach(List.of(s("com.acme.C#leaf()")));
    assertThat(r.confidence(s("com.acme.C#top()"))).isEqualTo(Confidence.LOW);
    assertThat(r.chain(s("com.acme.C#top()")))
        .extracting(ReachStep::confidence)
        .containsExactly(Confidence.HIGH, Confidence.LOW, Confidence.LOW);
  }

  @Test
  void extraEdgesFromFrameworksAreHonouredAndUnknownOnesCounted() {
    Symbol controller = s("com.acme.Web#list()");
    Symbol job = s("com.acme.Job#run()");
    List<Edge> extra =
        List.of(
            new Edge(controller, job, "request-path", Confidence.MEDIUM, 3),
            new Edge(s("com.acme.Nowhere#x()"), job, "config-key", Confidence.LOW, 0));
    CodeGraph g =
        graph(
            extra,
            file(P, "Web").type(type("Web").method("list()")),
            file(P, "Job").type(type("Job").method("run()")));
    assertThat(reach(g, "com.acme.Job#run()")).containsExactly("com.acme.Web#list()");
    assertThat(g.ignoredExtraEdges()).isEqualTo(1);
    assertThat(g.reach(List.of(job)).chain(controller))
        .extracting(ReachStep::via)
        .containsExactly("changed", "request-path");
  }

  @Test
  void unknownSeedsAreIgnoredAndCounted() {
    CodeGraph g = graph(file(P, "C").type(type("C").method("a()")));
    ReverseReach r = g.reach(List.of(s("com.acme.C#a()"), s("com.acme.Gone#x()")));
    assertThat(r.unknownSeeds()).containsExactly(s("com.acme.Gone#x()"));
    assertThat(r.seeds()).containsExactly(s("com.acme.C#a()"));
    assertThat(r.reached()).isEmpty();
    assertThatThrownBy(() -> r.confidence(s("com.acme.Gone#x()")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsAccessorsAndLibraryInterfaceDispatch() {
    CodeGraph g =
        graph(
            file(P, "Point").type(record("Point").component("x")),
            file(P, "Task").type(type("Task").ext("Runnable").method("run()")),
            file(P, "A")
                .type(
                    type("A")
                        .method("x(Point)", m -> m.callOn("Point", "x", 0))
                        .method("exec(Runnable)", m -> m.callOn("Runnable", "run", 0))));
    assertThat(reach(g, "com.acme.Point#x")).contains("com.acme.A#x(Point)");
    assertThat(dependents(g, "com.acme.Task#run()")).contains("com.acme.A#exec(Runnable) call low");
  }

  @Test
  void countsAndLocations() {
    CodeGraph g = shapes();
    assertThat(g.nodeCount()).isEqualTo(15);
    assertThat(g.edgeCount()).isPositive();
    assertThat(g.location(s("com.acme.Circle#area()")).orElseThrow().path())
        .isEqualTo("com/acme/Circle.java");
    assertThat(g.location(s("com.acme.Nope"))).isEmpty();
  }

  @Test
  void anonymousClassCodeIsItsMembersAndDispatchIntoItReachesTheMember() {
    // class A { void go() { exec(new Runnable() { public void run() { helper(); } }); } }
    CodeGraph g =
        graph(
            file(P, "Util").type(type("Util").method("static helper()")),
            file(P, "Exec")
                .type(type("Exec").method("exec(Runnable)", m -> m.callOn("Runnable", "run", 0))),
            file(P, "A")
                .imports("static com.acme.Util.helper")
                .type(type("A").method("go()", m -> m.call("helper", 0)))
                .type(type("A#go()$1").ext("Runnable").method("run()", m -> m.call("helper", 0))));
    assertThat(reach(g, "com.acme.Util#helper()"))
        .contains("com.acme.A#go()", "com.acme.Exec#exec(Runnable)");
    assertThat(g.reach(List.of(s("com.acme.A#go()"))).reached())
        .contains(s("com.acme.Exec#exec(Runnable)"));
  }

  @Test
  void staticInitializerRunsBeforeStaticUseFromOtherClassesOnly() {
    CodeGraph g =
        graph(
            file(P, "Reg")
                .type(
                    type("Reg")
                        .staticInit(b -> b.call("load", 0))
                        .method("static load()")
                        .method("static lookup()", m -> m.call("load", 0))),
            file(P, "A").type(type("A").method("go()", m -> m.callOn("Reg", "lookup", 0))));
    assertThat(dependents(g, "com.acme.Reg#static{}")).containsExactly("com.acme.A#go() call high");
  }

  @Test
  void linkingAndReachScale() {
    int types = 2_000;
    int methods = 50;
    java.util.Random random = new java.util.Random(42);
    List<FileFacts> files = new ArrayList<>();
    for (int t = 0; t < types; t++) {
      Facts.TypeBuilder type = type("T" + t);
      for (int m = 0; m < methods; m++) {
        int[] callees = {random.nextInt(types), random.nextInt(types), random.nextInt(types)};
        int[] names = {random.nextInt(methods), random.nextInt(methods), random.nextInt(methods)};
        type.method(
            "m" + m + "()",
            b -> {
              for (int k = 0; k < 3; k++) {
                b.callOn("T" + callees[k], "m" + names[k], 0);
              }
            });
      }
      files.add(file(P, "T" + t).type(type).build());
    }
    CodeGraph.link(files, List.of()); // warm up the JIT
    long start = System.nanoTime();
    CodeGraph g = CodeGraph.link(files, List.of());
    long linked = System.nanoTime();
    ReverseReach r = g.reach(List.of(s("com.acme.T0#m0()")));
    int reached = r.reached().size();
    long walked = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      g.reach(List.of(s("com.acme.T" + i + "#m1()")));
    }
    long ten = System.nanoTime();
    System.out.printf(
        "scale: %d nodes, %d edges, link %d ms, reach %d ms (%d reached), 10 more reaches %d ms%n",
        g.nodeCount(),
        g.edgeCount(),
        (linked - start) / 1_000_000,
        (walked - linked) / 1_000_000,
        reached,
        (ten - walked) / 1_000_000);
    assertThat(g.nodeCount()).isEqualTo(types * (methods + 1));
    assertThat((ten - walked) / 10 / 1_000_000).isLessThan(500);
  }
}
